package vn.ocop.dossier.documents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.ocop.dossier.support.Api.Response;
import vn.ocop.dossier.support.IntegrationTest;

/** Uploads typed by content, limits as 413 problems, streamed downloads with RFC 6266 names. (Test limits: 1 MB a file, 3 MB a dossier.) */
class DocumentUploadTest extends IntegrationTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final byte[] EXE = "MZ\u0090\u0000\u0003\u0000This program cannot be run in DOS mode".getBytes(UTF_8);

    String officer;
    String dossier;

    @BeforeEach
    void draft() {
        officer = officer(CHAU_DOC);
        String entity = createEntity(officer, CHAU_DOC, "Cơ sở Bảy Núi");
        String product = createProduct(officer, entity, "Khô bò Bảy Núi", 8);
        dossier = createDossier(officer, entity, product, null);
    }

    @Test
    void aVietnameseNamedPdfIsStoredHashedAndStreamedBackWithItsExactName() throws Exception {
        byte[] content = pdfOf(300_000);
        Response uploaded = upload("BUSINESS_PLAN", "C:\\Hồ sơ\\Phương án kinh doanh.pdf", content);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.text("filename")).isEqualTo("Phương án kinh doanh.pdf");
        assertThat(uploaded.text("contentType")).isEqualTo("application/pdf");
        assertThat(uploaded.json().path("size").asLong()).isEqualTo(content.length);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(uploaded.text("sha256")).isEqualTo(sha256);

        Response download = api.get("/dossiers/" + dossier + "/documents/" + uploaded.text("id"), officer);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw().body()).isEqualTo(content);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"Phuong an kinh doanh.pdf\"; "
                + "filename*=UTF-8''Ph%C6%B0%C6%A1ng%20%C3%A1n%20kinh%20doanh.pdf");
    }

    @Test
    void officeDocumentsAreRecognisedByTheirZipEntries() throws IOException {
        Response docx = upload("ORGANISATION_DESCRIPTION", "Giới thiệu bộ máy.docx", zip("word/document.xml"));
        assertThat(docx.status()).as(docx.body()).isEqualTo(201);
        assertThat(docx.text("contentType")).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        Response xlsxNamedDocx = upload("OTHER_EVIDENCE", "bang-tinh.docx", zip("xl/workbook.xml"));
        assertThat(xlsxNamedDocx.status()).isEqualTo(422);
        Response noExtension = upload("OTHER_EVIDENCE", "bang-tinh", zip("xl/workbook.xml"));
        assertThat(noExtension.text("filename")).isEqualTo("bang-tinh.xlsx");
    }

    @Test
    void aFileWhoseExtensionLiesIsRejected() {
        Response pngNamedPdf = upload("BUSINESS_REGISTRATION", "giay-phep.pdf", PNG);
        assertThat(pngNamedPdf.status()).isEqualTo(422);
        assertThat(pngNamedPdf.header("Content-Type")).startsWith("application/problem+json");
        assertThat(pngNamedPdf.json().path("errors").path(0).path("code").asString()).isEqualTo("document.extension-mismatch");

        Response exeNamedPdf = upload("BUSINESS_REGISTRATION", "giay-phep.pdf", EXE);
        assertThat(exeNamedPdf.status()).isEqualTo(415);
        assertThat(exeNamedPdf.text("code")).isEqualTo("document.type-not-allowed");
        assertThat(exeNamedPdf.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/dossiers/" + dossier + "/documents", officer).json().size()).isZero();
    }

    @Test
    void malformedUploadsAre4xxProblems() {
        assertThat(api.post("/dossiers/" + dossier + "/documents?kind=OTHER_EVIDENCE", officer, "{}").status())
                .isEqualTo(415);
        assertThat(upload("NOT_A_KIND", "a.pdf", PDF).status()).isEqualTo(400);
        Response noFile = api.uploadWithoutFile("/dossiers/" + dossier + "/documents?kind=OTHER_EVIDENCE", officer);
        assertThat(noFile.status()).as(noFile.body()).isEqualTo(400);
        assertThat(noFile.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void oversizeFilesAndDossiersAre413Problems() {
        Response tooLarge = upload("OTHER_EVIDENCE", "lon.pdf", pdfOf(1_500_000));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");

        for (int i = 0; i < 3; i++) {
            assertThat(upload("OTHER_EVIDENCE", "minh-chung-" + i + ".pdf", pdfOf(900_000)).status()).isEqualTo(201);
        }
        Response dossierFull = upload("OTHER_EVIDENCE", "minh-chung-4.pdf", pdfOf(900_000));
        assertThat(dossierFull.status()).isEqualTo(413);
        assertThat(dossierFull.text("code")).isEqualTo("document.dossier-too-large");
        assertThat(api.get("/dossiers/" + dossier + "/documents", officer, "en").json().size()).isEqualTo(3);
    }

    @Test
    void documentsAreDeletedFromADraftButNotAfterSubmission() {
        String roundId = openRound(LocalDate.of(2025, 6, 30), CHAU_DOC);
        String complete = completeDraft(CHAU_DOC, "Gạo nàng nhen", roundId);
        String extra = api.upload("/dossiers/" + complete + "/documents?kind=OTHER_EVIDENCE", officer, "anh.png", PNG)
                .text("id");
        assertThat(api.delete("/dossiers/" + complete + "/documents/" + extra, officer).status()).isEqualTo(204);
        assertThat(api.get("/dossiers/" + complete + "/documents/" + extra, officer).status()).isEqualTo(404);

        assertThat(api.post("/dossiers/" + complete + "/submit", officer, "").status()).isEqualTo(200);
        String first = api.get("/dossiers/" + complete, officer).json().path("documents").path(0).path("id").asString();
        Response refused = api.delete("/dossiers/" + complete + "/documents/" + first, officer);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("SUBMITTED");
        assertThat(api.upload("/dossiers/" + complete + "/documents?kind=OTHER_EVIDENCE", officer, "a.pdf", PDF)
                .status()).isEqualTo(409);
        assertThat(api.put("/dossiers/" + complete, officer, Map.of("roundId", roundId)).status()).isEqualTo(409);
    }

    private Response upload(String kind, String filename, byte[] content) {
        return api.upload("/dossiers/" + dossier + "/documents?kind=" + kind, officer, filename, content);
    }

    static byte[] pdfOf(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'x');
        System.arraycopy("%PDF-1.4\n".getBytes(UTF_8), 0, content, 0, 9);
        return content;
    }

    static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(UTF_8));
            zip.putNextEntry(new ZipEntry(entry));
            zip.write("<x/>".getBytes(UTF_8));
        }
        return out.toByteArray();
    }
}
