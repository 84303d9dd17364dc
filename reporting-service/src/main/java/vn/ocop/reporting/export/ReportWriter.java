package vn.ocop.reporting.export;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link ReportDocument} as CSV (UTF-8 with a byte-order mark, so that Excel reads Vietnamese right),
 * XLSX (Apache POI, one sheet per table) or PDF (OpenPDF with DejaVu Sans embedded: it has every Vietnamese
 * glyph, and an embedded font renders the same on every reader).
 */
@Component
public class ReportWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final byte[] regularFont = font("fonts/DejaVuSans.ttf");
    private final byte[] boldFont = font("fonts/DejaVuSans-Bold.ttf");

    public byte[] write(ReportDocument report, ExportFormat format) {
        return switch (format) {
            case CSV -> csv(report);
            case XLSX -> xlsx(report);
            case PDF -> pdf(report);
        };
    }

    byte[] csv(ReportDocument report) {
        StringBuilder csv = new StringBuilder();
        csvLine(csv, List.of(report.title()));
        report.lines().forEach(line -> csvLine(csv, List.of(line)));
        for (ReportDocument.Table table : report.tables()) {
            csv.append("\r\n");
            csvLine(csv, List.of(table.title()));
            csvLine(csv, table.columns());
            table.rows().forEach(row -> csvLine(csv, row));
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, withBom, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, withBom, UTF8_BOM.length, body.length);
        return withBom;
    }

    private static void csvLine(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String text = text(cells.get(i));
            if (text.startsWith("=") || text.startsWith("+") || text.startsWith("-") || text.startsWith("@")) {
                if (!(cells.get(i) instanceof Number)) {
                    text = "'" + text;
                }
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            csv.append(text);
        }
        csv.append("\r\n");
    }

    byte[] xlsx(ReportDocument report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            int sheetNumber = 0;
            for (ReportDocument.Table table : report.tables()) {
                sheetNumber++;
                String name = WorkbookUtil.createSafeSheetName(sheetNumber + " " + table.title());
                Sheet sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
                int r = 0;
                Cell titleCell = sheet.createRow(r++).createCell(0);
                titleCell.setCellValue(report.title());
                titleCell.setCellStyle(heading);
                for (String line : report.lines()) {
                    sheet.createRow(r++).createCell(0).setCellValue(line);
                }
                Cell tableTitle = sheet.createRow(r++).createCell(0);
                tableTitle.setCellValue(table.title());
                tableTitle.setCellStyle(heading);
                Row header = sheet.createRow(r++);
                for (int c = 0; c < table.columns().size(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(table.columns().get(c));
                    cell.setCellStyle(heading);
                }
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object value = values.get(c);
                        Cell cell = row.createCell(c);
                        if (value instanceof Number number) {
                            cell.setCellValue(number instanceof BigDecimal decimal ? decimal.doubleValue()
                                    : number.doubleValue());
                        } else {
                            cell.setCellValue(text(value));
                        }
                    }
                }
                for (int c = 0; c < table.columns().size(); c++) {
                    sheet.setColumnWidth(c, Math.min(60, Math.max(10, table.columns().get(c).length() + 2)) * 256);
                }
            }
            if (report.tables().isEmpty()) {
                workbook.createSheet("1").createRow(0).createCell(0).setCellValue(report.title());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pdf(ReportDocument report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            BaseFont regular = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    regularFont, null);
            BaseFont boldBase = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, boldFont, null);
            Font title = new Font(boldBase, 14);
            Font text = new Font(regular, 9);
            Font bold = new Font(boldBase, 9);
            document.addTitle(report.title());
            document.open();
            Paragraph heading = new Paragraph(report.title(), title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(6);
            document.add(heading);
            for (String line : report.lines()) {
                document.add(new Paragraph(line, text));
            }
            for (ReportDocument.Table table : report.tables()) {
                Paragraph tableTitle = new Paragraph(table.title(), bold);
                tableTitle.setSpacingBefore(10);
                tableTitle.setSpacingAfter(4);
                document.add(tableTitle);
                PdfPTable pdfTable = new PdfPTable(Math.max(1, table.columns().size()));
                pdfTable.setWidthPercentage(100);
                pdfTable.setHeaderRows(1);
                for (String column : table.columns()) {
                    PdfPCell cell = new PdfPCell(new Phrase(column, bold));
                    cell.setBackgroundColor(new Color(230, 236, 245));
                    pdfTable.addCell(cell);
                }
                for (List<Object> row : table.rows()) {
                    for (Object value : row) {
                        PdfPCell cell = new PdfPCell(new Phrase(text(value), text));
                        if (value instanceof Number) {
                            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                        }
                        pdfTable.addCell(cell);
                    }
                }
                document.add(pdfTable);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
            return String.valueOf(number.longValue());
        }
        return value.toString();
    }

    private static byte[] font(String location) {
        try (InputStream in = ReportWriter.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the classpath: " + location);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
