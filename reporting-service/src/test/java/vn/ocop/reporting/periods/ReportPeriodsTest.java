package vn.ocop.reporting.periods;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ocop.chassis.messaging.CloudEventHeaders;
import vn.ocop.contracts.EventSchemas;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.Topics;
import vn.ocop.infra.testing.TestInfra;
import vn.ocop.infra.testing.TestTokens;
import vn.ocop.reporting.support.ReportingIntegrationTest;

class ReportPeriodsTest extends ReportingIntegrationTest {

    private static final String NARRATIVE = "Huyện đã hướng dẫn 5 chủ thể hoàn thiện hồ sơ; lạp xưởng bò đạt 3 sao.";
    private static String periodId;

    @BeforeEach
    void openPeriodOnce() {
        if (periodId != null) {
            return;
        }
        HttpResponse<byte[]> opened = post("/report-periods", TestTokens.provinceOfficer(), Map.of(
                "kind", "QUARTER", "label", "Quý III năm 2026", "startDate", "2026-07-01", "endDate", "2026-09-30",
                "dueDate", "2026-10-10", "units", List.of(unit("LOCALITY", "883"), unit("LOCALITY", "884"),
                        unit("DEPARTMENT", "SO_CT"))));
        assertThat(opened.statusCode()).as(new String(opened.body(), UTF_8)).isEqualTo(201);
        periodId = json(opened).at("/periodId").asString();
        HttpResponse<byte[]> longXuyen = post("/report-periods/" + periodId + "/reports",
                TestTokens.localityOfficer("883"), Map.of("figures", figures(5, 2), "narrative", NARRATIVE));
        assertThat(longXuyen.statusCode()).as(new String(longXuyen.body(), UTF_8)).isEqualTo(201);
        HttpResponse<byte[]> department = post("/report-periods/" + periodId + "/reports",
                TestTokens.departmentOfficer("SO-CT"), Map.of("figures", figures(3, 1), "attachment", Map.of(
                        "fileName", "báo cáo sở công thương.txt", "contentType", "text/plain",
                        "contentBase64", Base64.getEncoder().encodeToString("Nội dung đính kèm".getBytes(UTF_8)))));
        assertThat(department.statusCode()).as(new String(department.body(), UTF_8)).isEqualTo(201);
    }

    @Test
    void openingAndSubmittingEmitSchemaValidEventsThroughTheOutbox() {
        List<ConsumerRecord<String, byte[]>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.REPORTING_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (new String(record.value(), UTF_8).contains(periodId)) {
                        events.add(record);
                    }
                });
                return events.size() >= 3;
            });
        }
        assertThat(events).extracting(record -> header(record, CloudEventHeaders.TYPE)).containsExactlyInAnyOrder(
                EventType.REPORT_PERIOD_OPENED.ceType(), EventType.PERIODIC_REPORT_SUBMITTED.ceType(),
                EventType.PERIODIC_REPORT_SUBMITTED.ceType());
        for (ConsumerRecord<String, byte[]> record : events) {
            assertThat(EventSchemas.validate(EventType.fromCeType(header(record, CloudEventHeaders.TYPE)).orElseThrow(),
                    record.value())).isEmpty();
        }
        assertThat(events).anySatisfy(record -> assertThat(new String(record.value(), UTF_8)).contains(NARRATIVE));
    }

    @Test
    void onlyListedUnitsSubmitOnceAndOnlyTheProvinceOpensPeriods() {
        assertThat(post("/report-periods/" + periodId + "/reports", TestTokens.localityOfficer("883"),
                Map.of("figures", figures(1, 1))).statusCode()).isEqualTo(409);
        HttpResponse<byte[]> notListed = post("/report-periods/" + periodId + "/reports",
                TestTokens.localityOfficer("891"), Map.of("figures", figures(1, 1)));
        assertThat(notListed.statusCode()).isEqualTo(403);
        assertThat(json(notListed).at("/code").asString()).isEqualTo("period.not-a-reporting-unit");
        assertThat(post("/report-periods/" + periodId + "/reports", TestTokens.provinceOfficer(),
                Map.of("figures", figures(1, 1))).statusCode()).isEqualTo(403);
        assertThat(post("/report-periods", TestTokens.localityOfficer("883"), Map.of("kind", "YEAR", "label", "Năm",
                "startDate", "2026-01-01", "endDate", "2026-12-31", "dueDate", "2027-01-15",
                "units", List.of(unit("LOCALITY", "883")))).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> invalid = post("/report-periods", TestTokens.provinceOfficer(), Map.of("kind", "YEAR",
                "label", "Năm 2026", "startDate", "2026-12-31", "endDate", "2026-01-01", "dueDate", "2027-01-15",
                "units", List.of(unit("LOCALITY", "883"), unit("LOCALITY", "883"))));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json(invalid).at("/errors")).hasSize(2);
        assertThat(get("/report-periods/" + periodId, TestTokens.localityOfficer("891")).statusCode()).isEqualTo(404);
        // a role that may never do it is refused before its body is validated
        assertThat(post("/report-periods", TestTokens.localityOfficer("883"), Map.of()).statusCode()).isEqualTo(403);
        assertThat(post("/report-periods/" + periodId + "/reports", TestTokens.councilMember("member-1"), Map.of())
                .statusCode()).isEqualTo(403);
    }

    @Test
    void theProvinceSeesWhoHasAndHasNotSubmitted() {
        JsonNode status = json(get("/report-periods/" + periodId + "/status", TestTokens.provinceOfficer()));
        assertThat(status.at("/submitted").asLong()).isEqualTo(2);
        assertThat(status.at("/missing").asLong()).isEqualTo(1);
        assertThat(status.at("/units/1/unitName").asString()).isEqualTo("Thành phố Châu Đốc");
        assertThat(status.at("/units/1/submitted").asBoolean()).isFalse();
        assertThat(status.at("/units/2/unitName").asString()).isEqualTo("Sở Công Thương");

        JsonNode own = json(get("/report-periods/" + periodId + "/status", TestTokens.localityOfficer("884")));
        assertThat(own.at("/units")).hasSize(1);
        assertThat(own.at("/units/0/unitCode").asString()).isEqualTo("884");
        assertThat(json(get("/report-periods/" + periodId + "/reports", TestTokens.localityOfficer("884")))).isEmpty();
        assertThat(json(get("/report-periods/" + periodId + "/reports", TestTokens.departmentOfficer("SO_YT"))))
                .hasSize(2);
        HttpResponse<byte[]> attachment = get("/report-periods/" + periodId + "/reports/DEPARTMENT/SO_CT/attachment",
                TestTokens.provinceOfficer());
        assertThat(new String(attachment.body(), UTF_8)).isEqualTo("Nội dung đính kèm");
        assertThat(get("/report-periods/" + periodId + "/reports/DEPARTMENT/SO_CT/attachment",
                TestTokens.localityOfficer("883")).statusCode()).isEqualTo(403);
    }

    @Test
    void theConsolidatedReportCombinesSubmissionsWithLiveStatistics() {
        JsonNode report = json(get("/report-periods/" + periodId + "/consolidated", TestTokens.departmentOfficer("SO_CT")));
        assertThat(report.at("/submittedUnits").asLong()).isEqualTo(2);
        assertThat(report.at("/figureTotals/0/code").asString()).isEqualTo("so_san_pham_dang_ky");
        assertThat(report.at("/figureTotals/0/value").decimalValue()).isEqualByComparingTo("8");
        assertThat(report.at("/figureTotals/1/value").decimalValue()).isEqualByComparingTo("3");
        assertThat(report.at("/statistics/totals").isObject()).isTrue();
        assertThat(get("/report-periods/" + periodId + "/consolidated", TestTokens.localityOfficer("883")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void exportsOpenWithParsersAndShowVietnameseTextAndFigures() throws Exception {
        String path = "/report-periods/" + periodId + "/consolidated/export?format=";
        HttpResponse<byte[]> csv = get(path + "csv", TestTokens.provinceOfficer());
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String csvText = new String(csv.body(), 3, csv.body().length - 3, UTF_8);
        assertThat(csvText).contains("Báo cáo tổng hợp kết quả thực hiện Chương trình OCOP tỉnh An Giang",
                "Thành phố Long Xuyên,so_san_pham_dang_ky,5", "so_san_pham_dang_ky,8", "Sở Công Thương");

        HttpResponse<byte[]> xlsx = get(path + "xlsx", TestTokens.provinceOfficer());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<List<String>> totals = rows(workbook.getSheetAt(1));
            assertThat(totals).contains(List.of("Tổng hợp chỉ tiêu các đơn vị báo cáo"), List.of("so_san_pham_dang_ky", "8"),
                    List.of("so_san_pham_dat_3_sao", "3"));
            assertThat(workbook.getSheetAt(1).getRow(7).getCell(1).getNumericCellValue()).isEqualTo(8.0);
            assertThat(rows(workbook.getSheetAt(0))).anySatisfy(row -> assertThat(row)
                    .containsSequence("Thành phố Châu Đốc", "Địa phương", "Chưa nộp"));
            assertThat(rows(workbook.getSheetAt(3))).anySatisfy(row -> assertThat(row).contains(NARRATIVE));
        }

        HttpResponse<byte[]> pdf = get(path + "pdf", TestTokens.provinceOfficer());
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Báo cáo tổng hợp kết quả thực hiện Chương trình OCOP tỉnh An Giang",
                    "Thành phố Long Xuyên", "Thành phố Châu Đốc", "Chưa nộp", "Sở Công Thương", "so_san_pham_dang_ky 8",
                    "lạp xưởng bò đạt 3 sao");
            assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
            document.getPage(0).getResources().getFontNames().forEach(name -> {
                try {
                    assertThat(document.getPage(0).getResources().getFont(name).isEmbedded()).isTrue();
                    assertThat(document.getPage(0).getResources().getFont(name).getName()).contains("DejaVuSans");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(get(path + "docx", TestTokens.provinceOfficer()).statusCode()).isEqualTo(422);
    }

    @Test
    void aRepeatedOpeningWithTheSameIdempotencyKeyOpensOnePeriod() {
        String key = java.util.UUID.randomUUID().toString();
        Map<String, Object> request = Map.of("kind", "AD_HOC", "label", "Báo cáo đột xuất về sản phẩm OCOP",
                "startDate", "2026-01-01", "endDate", "2026-06-30", "dueDate", "2026-07-10",
                "units", List.of(unit("LOCALITY", "893")));
        HttpResponse<byte[]> first = post("/report-periods", TestTokens.provinceOfficer(), request, key);
        HttpResponse<byte[]> again = post("/report-periods", TestTokens.provinceOfficer(), request, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).at("/periodId").asString()).isEqualTo(json(first).at("/periodId").asString());
        assertThat(json(get("/report-periods", TestTokens.localityOfficer("893"))))
                .filteredOn(period -> period.at("/label").asString().equals("Báo cáo đột xuất về sản phẩm OCOP"))
                .hasSize(1);
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (Cell cell : row) {
                cells.add(formatter.formatCellValue(cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Map<String, Object> figures(int registered, int threeStars) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("so_san_pham_dang_ky", registered);
        figures.put("so_san_pham_dat_3_sao", threeStars);
        return figures;
    }

    private static Map<String, String> unit(String type, String code) {
        return Map.of("unitType", type, "unitCode", code);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reporting-test-" + java.util.UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }
}
