package vn.ocop.dossier.documents.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import vn.ocop.dossier.search.SearchText;

class FileHandlingTest {

    @Test
    void typesAreDecidedByContent() throws IOException {
        assertThat(detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).hasValue(FileType.PDF);
        assertThat(detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10})).hasValue(FileType.JPEG);
        assertThat(detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).hasValue(FileType.PNG);
        assertThat(detect(zip("word/document.xml"))).hasValue(FileType.DOCX);
        assertThat(detect(zip("xl/workbook.xml"))).hasValue(FileType.XLSX);
        assertThat(detect(zip("evil.exe"))).isEmpty();
        assertThat(detect("MZ\u0090\u0000 this program".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(detect(new byte[0])).isEmpty();
    }

    @Test
    void fileNamesLosePathsAndControlCharactersButKeepVietnamese() {
        assertThat(Filenames.sanitize("C:\\Users\\lan\\Phiếu đăng ký sản phẩm.pdf")).isEqualTo("Phiếu đăng ký sản phẩm.pdf");
        assertThat(Filenames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Filenames.sanitize("hóa\u0000đơn\u202Efdp.exe")).isEqualTo("hóađơnfdp.exe");
        assertThat(Filenames.sanitize("  ..  ")).isEqualTo(Filenames.FALLBACK);
        assertThat(Filenames.sanitize(null)).isEqualTo(Filenames.FALLBACK);
    }

    @Test
    void contentDispositionCarriesTheExactNameInUtf8() {
        assertThat(Filenames.attachmentDisposition("Kế hoạch.pdf")).isEqualTo(
                "attachment; filename=\"Ke hoach.pdf\"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf");
    }

    @Test
    void searchTextIgnoresDiacriticsAndEscapesRegex() {
        assertThat(SearchText.normalize("Lạp xưởng bò  Tân Châu")).isEqualTo("lap xuong bo tan chau");
        assertThat(SearchText.normalize("Đặc sản ĐỒNG THÁP")).isEqualTo("dac san dong thap");
        assertThat(SearchText.containsRegex("Gạo (ST25)*")).isEqualTo("gao \\(st25\\)\\*");
    }

    private static java.util.Optional<FileType> detect(byte[] bytes) throws IOException {
        return FileSniffer.detect(() -> new ByteArrayInputStream(bytes));
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
