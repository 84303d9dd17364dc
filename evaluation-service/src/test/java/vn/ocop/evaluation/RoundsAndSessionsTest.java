package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventSchemas;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.contracts.evaluation.SessionAssigned;
import vn.ocop.evaluation.support.Api;
import vn.ocop.evaluation.support.Kafka;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoundsAndSessionsTest {

    private static final String OFFICER = TestTokens.provinceOfficer();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void anOfficerOpensARoundAndRoundOpenedIsPublished() {
        Api.Response opened = api.post("/rounds", OFFICER, Map.of("name", "Đợt 1 năm 2027",
                "regimeCode", "QD1489-2025", "level", "PROVINCE",
                "submissionDeadline", TODAY.plusDays(30).toString(),
                "plannedSessionDates", List.of(TODAY.plusDays(45).toString()),
                "localities", List.of(Map.of("localityCode", "30280", "targetProducts", 3),
                        Map.of("localityCode", "30307", "targetProducts", 3))));

        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        String roundId = opened.json().get("id").asString();
        var records = await().atMost(Duration.ofSeconds(30)).until(() -> Kafka.evaluationEventsOf(roundId),
                found -> !found.isEmpty());
        assertThat(Kafka.header(records.get(0), "ce_type")).isEqualTo(EventType.ROUND_OPENED.ceType());
        assertThat(EventSchemas.validate(EventType.ROUND_OPENED, records.get(0).value())).isEmpty();
        RoundOpened event = (RoundOpened) EventJson.read(records.get(0).value(), EventType.ROUND_OPENED);
        assertThat(event.localities()).hasSize(2);
        assertThat(event.submissionDeadline()).isEqualTo(TODAY.plusDays(30));
    }

    @Test
    void aRoundTheRegimeDoesNotAllowIsRefusedWithEveryReason() {
        Api.Response refused = api.post("/rounds", OFFICER, Map.of("name", " ",
                "regimeCode", "QD148-2023", "level", "COMMUNE",
                "submissionDeadline", TODAY.minusDays(1).toString(),
                "plannedSessionDates", List.of(TODAY.minusDays(2).toString()),
                "localities", List.of(Map.of("localityCode", "30280", "targetProducts", 3),
                        Map.of("localityCode", "30280", "targetProducts", -1))));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "regimeCode", "level", "submissionDeadline",
                "plannedSessionDates[0]", "localities[1].localityCode", "localities[1].targetProducts");

        Api.Response district = api.post("/rounds", OFFICER, Map.of("name", "Đợt huyện",
                "regimeCode", "QD1489-2025", "level", "DISTRICT", "submissionDeadline", TODAY.plusDays(5).toString(),
                "plannedSessionDates", List.of(), "localities", List.of(Map.of("localityCode", "30280",
                        "targetProducts", 3))));
        assertThat(district.status()).isEqualTo(422);
        assertThat(district.raw()).contains("round.level-not-in-regime");

        assertThat(api.post("/rounds", TestTokens.councilMember("hoidong1"), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void planningASessionPublishesItsMakeUp() {
        Api.Response council = api.post("/councils", OFFICER, Map.of("name", "Hội đồng tỉnh",
                "level", "PROVINCE", "chairId", "hoidong1", "memberIds", List.of("hoidong2", "hoidong3")));
        String councilId = council.json().get("id").asString();

        Api.Response session = api.post("/sessions", OFFICER,
                Map.of("councilId", councilId, "sessionDate", TODAY.plusDays(3).toString()));

        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        String sessionId = session.json().get("id").asString();
        var records = await().atMost(Duration.ofSeconds(30)).until(() -> Kafka.evaluationEventsOf(sessionId),
                found -> !found.isEmpty());
        assertThat(EventSchemas.validate(EventType.SESSION_ASSIGNED, records.get(0).value())).isEmpty();
        SessionAssigned assigned = (SessionAssigned) EventJson.read(records.get(0).value(), EventType.SESSION_ASSIGNED);
        assertThat(assigned.memberIds()).containsExactly("hoidong2", "hoidong3", "hoidong1");

        Api.Response unknownCase = api.post("/sessions/" + sessionId + "/cases", OFFICER,
                Map.of("caseIds", List.of("no-such-case")));
        assertThat(unknownCase.status()).isEqualTo(422);
        assertThat(unknownCase.raw()).contains("session.case-unknown");
    }
}
