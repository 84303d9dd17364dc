package vn.ocop.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ocop.infra.testing.TestTokens;
import vn.ocop.reporting.support.ReportingIntegrationTest;
import vn.ocop.reporting.support.Scenario;

class StatisticsAccessTest extends ReportingIntegrationTest {

    private static Scenario scenario;

    @BeforeEach
    void feedOnce() {
        if (scenario == null) {
            scenario = Scenario.programme(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
            send(scenario.deliveryWithDuplicatesAndInterleaving(7));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<byte[]> response = get(path(""), TestTokens.provinceOfficer());
            return response.statusCode() == 200 && json(response).at("/totals/submitted").asLong() == 24
                    && json(response).at("/totals/certificatesRevoked").asLong() == 4
                    && json(response).at("/totals/rated").asLong() == 13;
        });
    }

    @Test
    void provinceAndDepartmentsSeeEveryLocalitysFigures() {
        for (String token : new String[] {TestTokens.provinceOfficer(), TestTokens.departmentOfficer("SO_NNPTNT")}) {
            JsonNode statistics = json(get(path(""), token));
            assertThat(statistics.at("/rows")).hasSize(4);
            assertThat(statistics.at("/rows/0/key").asString()).isEqualTo("883");
            assertThat(statistics.at("/rows/0/label").asString()).isEqualTo("Thành phố Long Xuyên");
            assertThat(statistics.at("/progress")).hasSize(4);
            assertThat(statistics.at("/progress/0/localityName").asString()).isEqualTo("Huyện Tri Tôn");
            assertThat(statistics.at("/progress/0/behindBy").asLong()).isEqualTo(4);
        }
    }

    @Test
    void aLocalitySeesProvinceWideTotalsAndOnlyItsOwnDetails() {
        JsonNode own = json(get(path(""), TestTokens.localityOfficer("884")));
        assertThat(own.at("/totals/submitted").asLong()).isEqualTo(24);
        assertThat(own.at("/rows")).hasSize(1);
        assertThat(own.at("/rows/0/key").asString()).isEqualTo("884");
        assertThat(own.at("/rows/0/figures/submitted").asLong()).isEqualTo(6);
        assertThat(own.at("/progress")).hasSize(1);
        assertThat(own.at("/progress/0/localityCode").asString()).isEqualTo("884");

        JsonNode filtered = json(get(path("&locality=884"), TestTokens.localityOfficer("884")));
        assertThat(filtered.at("/totals/submitted").asLong()).isEqualTo(6);

        HttpResponse<byte[]> other = get(path("&locality=891"), TestTokens.localityOfficer("884"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other).at("/code").asString()).isEqualTo("statistics.other-locality");
        assertThat(get(path("&locality=891") + "&groupBy=ROUND", TestTokens.localityOfficer("884")).statusCode())
                .isEqualTo(403);
        // refused before the other parameters are checked: a problem with them would answer a question not allowed
        HttpResponse<byte[]> otherWithBadFilters = get(path("&locality=891&quarter=5&groupBy=NOTHING"),
                TestTokens.localityOfficer("884"));
        assertThat(otherWithBadFilters.statusCode()).isEqualTo(403);
        assertThat(json(otherWithBadFilters).at("/code").asString()).isEqualTo("statistics.other-locality");
        assertThat(get("/statistics/export?format=docx&locality=891", TestTokens.localityOfficer("884")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void othersMayNotReadStatistics() {
        assertThat(get(path(""), TestTokens.councilMember("member-1")).statusCode()).isEqualTo(403);
        assertThat(get(path(""), TestTokens.machineClient("webhook-client", "ocop.catalogue")).statusCode())
                .isEqualTo(403);
        assertThat(get(path(""), null).statusCode()).isEqualTo(401);
        // the role is decided before any parameter is read or converted
        for (String parameters : new String[] {"&stars=abc", "&quarter=5", "&groupBy=NOTHING"}) {
            HttpResponse<byte[]> refused = get(path(parameters), TestTokens.councilMember("member-1"));
            assertThat(refused.statusCode()).as(parameters).isEqualTo(403);
            assertThat(json(refused).at("/code").asString()).as(parameters).isEqualTo("auth.forbidden");
        }
        assertThat(get("/statistics/export?format=docx", TestTokens.councilMember("member-1")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theApiIsDescribedForTheGatewaysSwaggerUi() {
        HttpResponse<byte[]> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(new String(docs.body(), UTF_8)).contains("/statistics", "/catalogue/products",
                "/report-periods/{periodId}/consolidated/export", "/admin/projections/rebuild");
    }

    @Test
    void filtersAndBreakdownsByCriteriaSetGroupStarsAndPeriod() {
        String token = TestTokens.provinceOfficer();
        JsonNode byStars = json(get(path("&groupBy=STARS"), token));
        assertThat(byStars.at("/rows/0/label").asString()).isEqualTo("3 sao");
        assertThat(byStars.at("/rows/0/figures/rated").asLong()).isEqualTo(8);
        assertThat(byStars.at("/rows/2/figures/rated").asLong()).isEqualTo(2);
        JsonNode byGroup = json(get(path("&groupBy=PRODUCT_GROUP"), token));
        assertThat(byGroup.at("/rows/0/key").asString()).isEqualTo("DO_UONG");
        assertThat(byGroup.at("/rows/0/figures/submitted").asLong()).isEqualTo(12);
        assertThat(json(get(path("&criteriaSet=1"), token)).at("/totals/submitted").asLong()).isEqualTo(8);
        assertThat(json(get(path("&stars=4"), token)).at("/totals/rated").asLong()).isEqualTo(3);
        assertThat(json(get(path("&year=2001"), token)).at("/totals/submitted").asLong()).isZero();

        HttpResponse<byte[]> invalid = get(path("&quarter=5&stars=9"), token);
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(json(invalid).at("/errors")).hasSize(3);
        assertThat(get(path("&groupBy=COLOUR"), token).statusCode()).isEqualTo(422);
    }

    @Test
    void statisticsExportsCarryTheSameFiguresWithVietnameseLabels() throws Exception {
        String export = "/statistics/export?round=" + scenario.roundId + "&format=";
        HttpResponse<byte[]> xlsx = get(export + "xlsx", TestTokens.provinceOfficer());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Row> byLabel = new HashMap<>();
            sheet.forEach(row -> {
                if (row.getCell(0) != null) {
                    byLabel.put(row.getCell(0).getStringCellValue(), row);
                }
            });
            assertThat(byLabel.get("Địa phương").getCell(1).getStringCellValue()).isEqualTo("Hồ sơ đã nộp");
            assertThat(byLabel.get("Thành phố Long Xuyên").getCell(1).getNumericCellValue()).isEqualTo(6.0);
            assertThat(byLabel.get("Huyện Thoại Sơn").getCell(1).getNumericCellValue()).isEqualTo(6.0);
            Row province = byLabel.get("Toàn tỉnh");
            assertThat(province.getCell(1).getNumericCellValue()).isEqualTo(24.0);
            assertThat(province.getCell(5).getNumericCellValue()).as("3 sao").isEqualTo(8.0);
            assertThat(province.getCell(12).getNumericCellValue()).as("revoked").isEqualTo(4.0);
            assertThat(province.getCell(13).getNumericCellValue()).as("median days").isEqualTo(22.0);
        }

        HttpResponse<byte[]> pdf = get(export + "pdf", TestTokens.localityOfficer("884"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Thống kê Chương trình OCOP tỉnh An Giang", "Thành phố Châu Đốc", "Toàn tỉnh",
                    "Tiến độ so với chỉ tiêu của đợt");
            assertThat(text).doesNotContain("Thành phố Long Xuyên", "Huyện Tri Tôn");
        }

        HttpResponse<byte[]> csv = get(export + "csv", TestTokens.departmentOfficer("SO_NNPTNT"));
        assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(csv.body(), UTF_8)).contains("Huyện Tri Tôn,6,", "Toàn tỉnh,24,");
        assertThat(get(export + "pdf&locality=891", TestTokens.localityOfficer("884")).statusCode()).isEqualTo(403);
    }

    private static String path(String more) {
        return "/statistics?round=" + scenario.roundId + more;
    }
}
