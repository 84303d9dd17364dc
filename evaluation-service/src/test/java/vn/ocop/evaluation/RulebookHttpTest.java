package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.ocop.evaluation.support.Api;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

/** The rulebook over HTTP: the 26 sheets imported at start, uploads by officers, recorded corrections. */
@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RulebookHttpTest {

    private static final String OFFICER = TestTokens.provinceOfficer();
    private static final List<Integer> INACTIVE_AT_START = List.of(3, 7, 11, 12, 13, 17, 18, 26);

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theBundledRegimesAreStoredAsData() {
        Api.Response regimes = api.get("/rulebooks/regimes", OFFICER);

        assertThat(regimes.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        regimes.json().forEach(regime -> codes.add(regime.get("code").asString()));
        assertThat(codes).containsExactly("QD1048-2019", "QD148-2023", "QD1489-2025");
        JsonNode qd148 = api.get("/rulebooks/regimes/QD148-2023", OFFICER).json();
        assertThat(qd148.get("partTotals").get("A").asInt()).isEqualTo(40);
        assertThat(qd148.get("councilRules").get("rounding").asString()).isEqualTo("HALF_UP");
        assertThat(qd148.get("certificateValidityMonths").asInt()).isEqualTo(36);
    }

    @Test
    void the26SheetsWereImportedAtStartAndOnlyTheValidOnesAreActive() {
        Api.Response reports = api.get("/rulebooks/QD148-2023/sheets", OFFICER);

        assertThat(reports.status()).isEqualTo(200);
        Map<Integer, JsonNode> firstVersions = new TreeMap<>();
        reports.json().forEach(report -> {
            if (report.get("version").asInt() == 1) {
                firstVersions.put(report.get("criteriaSet").asInt(), report);
            }
        });
        assertThat(firstVersions).hasSize(26);
        firstVersions.forEach((set, report) -> {
            assertThat(report.get("importedBy").asString()).isEqualTo("system:bundled-rulebook");
            if (INACTIVE_AT_START.contains(set)) {
                assertThat(report.get("status").asString()).as("set %d", set).isEqualTo("INACTIVE");
                assertThat(report.get("errorCount").asInt()).isPositive();
            } else {
                assertThat(report.get("status").asString()).as("set %d", set).isIn("ACTIVE", "SUPERSEDED");
                assertThat(report.get("errorCount").asInt()).isZero();
            }
        });
        JsonNode set07 = firstVersions.get(7).get("problems");
        assertThat(set07.toString()).contains("\"file\":\"set-07.csv\"").contains("\"line\":119")
                .contains("criterion C.6.4 has maximum 4 but its best option gives 3");
        assertThat(api.get("/rulebooks/QD1489-2025/sheets/3", OFFICER).status()).isEqualTo(404);
    }

    @Test
    void anOfficersRecordedCorrectionActivatesAKnownBadSheet() {
        Api.Response stale = api.post("/rulebooks/QD148-2023/sheets/18/versions/1/corrections", OFFICER,
                Map.of("corrections", List.of(Map.of("line", 11, "column", "score", "oldValue", "x",
                        "newValue", "1", "reason", "wrong old value"))));
        assertThat(stale.status()).as(stale.raw()).isEqualTo(201);
        assertThat(stale.json().get("status").asString()).isEqualTo("INACTIVE");
        assertThat(stale.raw()).contains("CORRECTION_STALE");

        Api.Response corrected = api.post("/rulebooks/QD148-2023/sheets/18/versions/1/corrections", OFFICER,
                Map.of("corrections", List.of(Map.of("line", 11, "column", "score", "oldValue", "t",
                        "newValue", "1", "reason", "chữ t gõ nhầm cho số 1: các phương án của tiêu chí cho 0, 1, 2, 3"))));

        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(201);
        assertThat(corrected.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(corrected.json().get("correctedFromVersion").asInt()).isEqualTo(1);
        JsonNode correction = corrected.json().get("corrections").get(0);
        assertThat(correction.get("approvedBy").asString()).isEqualTo("province-officer");
        assertThat(correction.get("oldValue").asString()).isEqualTo("t");
        assertThat(correction.get("newValue").asString()).isEqualTo("1");
        assertThat(correction.get("approvedAt")).isNotNull();
        int version = corrected.json().get("version").asInt();
        assertThat(api.get("/rulebooks/QD1489-2025/sheets/18", OFFICER).json().get("version").asInt())
                .isEqualTo(version);
        assertThat(api.get("/rulebooks/QD148-2023/sheets/18/versions/1", OFFICER).json().get("status").asString())
                .as("the original stays as it was").isEqualTo("INACTIVE");

        Api.Response withoutReason = api.post("/rulebooks/QD148-2023/sheets/17/versions/1/corrections", OFFICER,
                Map.of("corrections", List.of(Map.of("line", 20, "column", "score", "oldValue", "l",
                        "newValue", "1", "reason", " "))));
        assertThat(withoutReason.status()).isEqualTo(422);
    }

    @Test
    void officersUploadSheetsThroughTheSameImporter() {
        String csv = """
                title,description,level,stars,score
                Phần A (40 Điểm),,0,,40
                1. NHÓM,,1,,40
                a) Tiêu chí,,2,,40
                □ Một,,3,,x
                □ Hai***,,3,4,40
                Phần B,,0,,25
                Phần C,,0,,35
                """;
        byte[] content = csv.getBytes(StandardCharsets.UTF_8);

        Api.Response forbidden = api.upload("/rulebooks/QD148-2023/sheets", TestTokens.councilMember("hoidong1"),
                "set-05.csv", content);
        assertThat(forbidden.status()).isEqualTo(403);

        Api.Response uploaded = api.upload("/rulebooks/QD148-2023/sheets?criteriaSet=25", OFFICER, "upload.csv",
                content);
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
        assertThat(uploaded.json().get("status").asString()).isEqualTo("INACTIVE");
        assertThat(uploaded.raw()).contains("\"line\":5").contains("SCORE_NOT_NUMBER")
                .contains("\"line\":6").contains("STARS_MARKER_DISAGREE")
                .contains("\"line\":7").contains("PART_TOTAL_MISMATCH");
        assertThat(api.get("/rulebooks/QD148-2023/sheets/25", OFFICER).json().get("version").asInt())
                .as("the active version is untouched").isEqualTo(1);

        Api.Response notUtf8 = api.upload("/rulebooks/QD148-2023/sheets?criteriaSet=25", OFFICER, "x.csv",
                new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThat(notUtf8.status()).isEqualTo(422);
    }
}
