package vn.ocop.notification.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;

import tools.jackson.databind.JsonNode;
import vn.ocop.contracts.evaluation.NotQualifiedReason;
import vn.ocop.contracts.evaluation.NotQualifiedReasonCode;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.reporting.PeriodicReportSubmitted;
import vn.ocop.contracts.reporting.ReportPeriodKind;
import vn.ocop.contracts.reporting.ReportPeriodOpened;
import vn.ocop.contracts.reporting.ReportingUnit;
import vn.ocop.contracts.reporting.ReportingUnitType;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;
import vn.ocop.notification.Api;
import vn.ocop.notification.Events;
import vn.ocop.notification.TestSupportConfiguration.MovableClock;
import vn.ocop.notification.reminders.domain.ReminderSchedule;

@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportsAndCustomDeadlinesTest {

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    MongoOperations mongo;

    private void at(LocalDate day, LocalTime time) {
        clock.set(day.atTime(time).atZone(ReminderSchedule.VIETNAM).toInstant());
    }

    private List<JsonNode> inbox(Api api, String token, String reference) {
        return StreamSupport.stream(api.get("/inbox?limit=200", token).json().spliterator(), false)
                .filter(item -> reference.equals(item.path("reference").asString(null))).toList();
    }

    private List<JsonNode> reminders(Api api, String deadlineId) {
        return StreamSupport.stream(api.get("/reminders?deadline=" + deadlineId, TestTokens.provinceOfficer()).json()
                .spliterator(), false).toList();
    }

    @Test
    void unitsThatHaveNotReportedAreRemindedByTheScheduler() {
        var api = new Api(port);
        String periodId = "Q2-2022-" + UUID.randomUUID();
        LocalDate due = LocalDate.of(2022, 7, 15);
        at(LocalDate.of(2022, 6, 20), LocalTime.of(9, 0));
        Events.publish(periodId, new ReportPeriodOpened(periodId, ReportPeriodKind.QUARTER, "Quý 2/2022",
                LocalDate.of(2022, 4, 1), LocalDate.of(2022, 6, 30), due,
                List.of(new ReportingUnit(ReportingUnitType.DEPARTMENT, "SO_NNPTNT"),
                        new ReportingUnit(ReportingUnitType.LOCALITY, "893")),
                Instant.parse("2022-07-01T02:00:00Z"), "province-officer"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                inbox(api, TestTokens.departmentOfficer("SO-NNPTNT"), periodId)).singleElement()
                .satisfies(item -> assertThat(item.get("body").asString()).contains("Quý 2/2022", "15/07/2022")));
        String reportId = "report-" + UUID.randomUUID();
        Events.publish(reportId, new PeriodicReportSubmitted(periodId, reportId, ReportingUnitType.LOCALITY, "893",
                Map.of("products", BigDecimal.TEN), null, false, Instant.parse("2022-07-02T02:00:00Z"), "officer-893"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(query(where("periodId").is(periodId)
                .and("unitCode").is("893")), Calendar.REPORTS));

        at(due.minusDays(7), LocalTime.of(8, 0, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(api, "report:" + periodId).size() == 1);
        assertThat(reminders(api, "report:" + periodId)).singleElement().satisfies(send -> {
            assertThat(send.get("unitCode").asString()).isEqualTo("SO-NNPTNT");
            assertThat(send.get("offset").asInt()).isEqualTo(7);
            assertThat(send.get("bodyVi").asString()).isEqualTo(
                    "Sở Nông nghiệp và Phát triển nông thôn: chưa nộp báo cáo Quý 2/2022; hạn nộp 15/07/2022");
        });
        assertThat(mongo.exists(query(where("_id").is("deadline-reminders")), "shedlock")).isTrue();
    }

    @Test
    void officersAddDeadlinesByApiAndAUnitThatIsDoneIsNoLongerReminded() {
        var api = new Api(port);
        at(LocalDate.of(2023, 2, 1), LocalTime.of(9, 0));
        var refused = api.post("/deadlines", TestTokens.provinceOfficer(), "{\"units\":[\"999\"]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors")).hasSize(3);
        assertThat(api.post("/deadlines", TestTokens.localityOfficer("883"),
                "{\"title\":\"x\",\"dueDate\":\"2023-03-01\",\"units\":[\"883\"]}").status()).isEqualTo(403);
        var created = api.post("/deadlines", TestTokens.provinceOfficer(),
                "{\"title\":\"Gửi danh sách sản phẩm tiềm năng\",\"dueDate\":\"2023-03-01\",\"units\":[\"883\",\"884\"],\"offsets\":[3]}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/deadlines/" + id + "/done/884", TestTokens.localityOfficer("883"), null).status())
                .isEqualTo(403);
        assertThat(api.post("/deadlines/" + id + "/done/884", TestTokens.localityOfficer("884"), null).status())
                .isEqualTo(200);

        at(LocalDate.of(2023, 2, 26), LocalTime.of(8, 0, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> reminders(api, id).size() == 1);
        assertThat(reminders(api, id)).singleElement().satisfies(send -> assertThat(send.get("bodyVi").asString())
                .isEqualTo("Long Xuyên: chưa hoàn thành \"Gửi danh sách sản phẩm tiềm năng\"; hạn 01/03/2023"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                api.get("/inbox?limit=200", TestTokens.localityOfficer("883"), "en").body())
                .contains("Long Xuyên: \\\"Gửi danh sách sản phẩm tiềm năng\\\" not done; deadline 01/03/2023"));
        assertThat(inbox(api, TestTokens.localityOfficer("884"), id)).isEmpty();
    }

    @Test
    void aProductNotQualifiedIsExplainedToItsLocality() {
        var api = new Api(port);
        String caseId = "case-" + UUID.randomUUID();
        String dossierId = "HS-" + UUID.randomUUID();
        Events.publish(caseId, new ProductNotQualified(caseId, dossierId, "888", new BigDecimal("48.50"), 2,
                List.of(new NotQualifiedReason(NotQualifiedReasonCode.SCORE_BAND, "Điểm dưới 50", null, null)),
                Instant.parse("2020-08-01T03:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                inbox(api, TestTokens.localityOfficer("888"), dossierId)).singleElement().satisfies(item -> {
                    assertThat(item.get("kind").asString()).isEqualTo("PRODUCT_NOT_QUALIFIED");
                    assertThat(item.get("body").asString()).contains("48.50", "Điểm dưới 50");
                }));
        assertThat(inbox(api, TestTokens.localityOfficer("887"), dossierId)).isEmpty();
    }
}
