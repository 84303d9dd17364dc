package vn.ocop.reporting.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportWriterTest {

    private final ReportWriter writer = new ReportWriter();

    @Test
    void csvIsUtf8WithBomQuotedAndSafeAgainstFormulas() {
        ReportDocument report = new ReportDocument("Thống kê", List.of(), List.of(new ReportDocument.Table("Bảng",
                List.of("Tên", "Giá trị"), List.of(List.of("Lạp xưởng, bò \"Tân Châu\"", new BigDecimal("12.50")),
                        List.of("=HYPERLINK(\"x\")", -3)))));
        byte[] csv = writer.write(report, ExportFormat.CSV);
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, UTF_8);
        assertThat(text).contains("\"Lạp xưởng, bò \"\"Tân Châu\"\"\",12.5\r\n");
        assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\",-3\r\n");
    }
}
