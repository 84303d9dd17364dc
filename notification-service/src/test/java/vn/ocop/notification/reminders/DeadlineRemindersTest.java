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
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.dossier.EntitySummary;
import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.contracts.dossier.ProductSummary;
import vn.ocop.contracts.dossier.ReturnReason;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.RoundLocality;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;
import vn.ocop.notification.Api;
import vn.ocop.notification.Events;
import vn.ocop.notification.Mails;
import vn.ocop.notification.TestSupportConfiguration.MovableClock;
import vn.ocop.notification.TestSupportConfiguration.TestSmtp;
import vn.ocop.notification.notify.Notifier;
import vn.ocop.notification.reminders.domain.ReminderSchedule;
import vn.ocop.notification.units.UnitDirectory;

@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlineRemindersTest {

    private static final List<String> AN_GIANG_2020 =
            List.of("883", "884", "886", "887", "888", "889", "890", "891", "892", "893", "894");

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    ReminderPlanner planner;
    @Autowired
    Calendar calendar;
    @Autowired
    MongoOperations mongo;
    @Autowired
    TestSmtp smtp;
    @Autowired
    Notifier notifier;
    @Autowired
    ReminderSettings settings;
    @Autowired
    UnitDirectory units;
    @Autowired
    MeterRegistry meters;
    @Autowired
    net.javacrumbs.shedlock.core.LockProvider lockProvider;
    @Autowired
    vn.ocop.notification.MongoInserts inserts;

    private Api api() {
        return new Api(port);
    }

    private void at(LocalDate day, LocalTime time) {
        clock.set(day.atTime(time).atZone(ReminderSchedule.VIETNAM).toInstant());
    }

    private static String submit(String roundId, String locality, int n) {
        String dossierId = "HS-" + locality + "-" + n + "-" + UUID.randomUUID();
        Events.publish(dossierId, new DossierSubmitted(dossierId, roundId, locality,
                new EntitySummary("E-" + locality + n, "HTX " + locality + " số " + n, EntityType.COOPERATIVE, null,
                        false, false),
                new ProductSummary("P-" + dossierId, "Sản phẩm " + locality + "-" + n, 1, "THUC_PHAM"),
                5, Instant.parse("2020-06-02T02:00:00Z"), "officer-" + locality));
        return dossierId;
    }

    private static String openRound(String roundId, LocalDate deadline, List<String> localities) {
        return Events.publish(roundId, new RoundOpened(roundId, "Đợt 2/2020 tỉnh An Giang", "QD1048-2019",
                CouncilLevel.PROVINCE, deadline, List.of(deadline.plusDays(20)),
                localities.stream().map(code -> new RoundLocality(code, 3)).toList(),
                Instant.parse("2020-06-01T01:00:00Z"), "province-officer"));
    }

    private void stepDays(LocalDate from, LocalDate to, Map<LocalDate, Runnable> onDay) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Runnable action = onDay.get(day);
            if (action != null) {
                at(day, LocalTime.of(7, 0));
                action.run();
            }
            at(day, LocalTime.of(8, 0, 1));
            planner.runOnce();
        }
    }

    private record Sent(String unit, int offset, LocalDate day) {
    }

    private Set<Sent> sentFor(String deadlineId) {
        var response = api().get("/reminders?deadline=" + deadlineId, TestTokens.provinceOfficer());
        assertThat(response.status()).isEqualTo(200);
        Set<Sent> sent = new HashSet<>();
        for (JsonNode send : response.json()) {
            assertThat(send.get("state").asString()).isEqualTo("SENT");
            sent.add(new Sent(send.get("unitCode").asString(), send.get("offset").asInt(),
                    Instant.parse(send.get("createdAt").asString()).atZone(ReminderSchedule.VIETNAM).toLocalDate()));
        }
        return sent;
    }

    private static Set<Sent> expected(List<String> units, List<Integer> offsets, LocalDate deadline) {
        Set<Sent> sent = new HashSet<>();
        for (String unit : units) {
            for (int offset : offsets) {
                sent.add(new Sent(unit, offset, deadline.minusDays(offset)));
            }
        }
        return sent;
    }

    private List<JsonNode> inbox(String token, String reference) {
        var response = api().get("/inbox?limit=200", token);
        assertThat(response.status()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false)
                .filter(item -> reference.equals(item.path("reference").asString(null))).toList();
    }

    @Test
    void anGiang2020RoundRemindsExactlyTheLaggingLocalitiesOnExactlyTheRightDays() throws Exception {
        LocalDate deadline = LocalDate.of(2020, 7, 10);
        String roundId = "dot-2-2020-" + UUID.randomUUID();
        at(LocalDate.of(2020, 6, 1), LocalTime.of(9, 0));
        assertThat(api().put("/address-book/891", TestTokens.provinceOfficer(),
                "{\"contacts\":[{\"name\":\"Phòng NN Tri Tôn\",\"email\":\"nn.triton@angiang.example\",\"language\":\"vi\"}]}")
                .status()).isEqualTo(200);
        assertThat(api().put("/address-book/893", TestTokens.provinceOfficer(),
                "{\"contacts\":[{\"name\":\"Cho Moi office\",\"email\":\"chomoi@angiang.example\",\"language\":\"en\"}]}")
                .status()).isEqualTo(200);

        openRound(roundId, deadline, AN_GIANG_2020);
        for (String complete : List.of("883", "884", "892", "894")) {
            for (int n = 1; n <= 3; n++) {
                submit(roundId, complete, n);
            }
        }
        for (int n = 1; n <= 4; n++) {
            submit(roundId, "887", n);
        }
        List<String> phuTan = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            phuTan.add(submit(roundId, "888", n));
        }
        Events.publish(phuTan.get(2), new DossierWithdrawn(phuTan.get(2), "888", "Chủ thể rút hồ sơ",
                Instant.parse("2020-06-03T02:00:00Z"), "officer-888"));
        String chauPhu = submit(roundId, "889", 1);
        Events.publish(chauPhu, new DossierReturned(chauPhu, "889",
                List.of(new ReturnReason("PHIEU_DANG_KY", "Thiếu chữ ký của chủ thể")),
                Instant.parse("2020-06-04T02:00:00Z"), "province-officer"));
        List<String> tinhBien = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            tinhBien.add(submit(roundId, "890", n));
        }
        Events.publish(tinhBien.get(0), new DossierReturned(tinhBien.get(0), "890",
                List.of(new ReturnReason("HO_SO", "Bổ sung giấy chứng nhận an toàn thực phẩm")),
                Instant.parse("2020-06-04T02:00:00Z"), "province-officer"));
        Events.publish(tinhBien.get(0), new DossierResubmitted(tinhBien.get(0), roundId, "890", 1,
                Instant.parse("2020-06-08T02:00:00Z"), "officer-890"));
        submit(roundId, "891", 1);
        submit(roundId, "893", 1);
        submit(roundId, "893", 2);

        Map<String, Long> expectedCounts = Map.of("883", 3L, "884", 3L, "887", 4L, "888", 2L, "890", 3L,
                "891", 1L, "892", 3L, "893", 2L, "894", 3L);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mongo.exists(query(where("_id").is("round:" + roundId)), DeadlineDocument.class)).isTrue();
            assertThat(calendar.submittedProducts(roundId)).isEqualTo(expectedCounts);
        });

        stepDays(LocalDate.of(2020, 6, 1), LocalDate.of(2020, 7, 20), Map.of(
                LocalDate.of(2020, 7, 5), () -> {
                    submit(roundId, "891", 2);
                    submit(roundId, "891", 3);
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> calendar.submittedProducts(roundId).get("891"), count -> count == 3L);
                }));

        Set<Sent> expected = expected(List.of("886", "888", "889", "893"), List.of(14, 7, 1, -1), deadline);
        expected.addAll(expected(List.of("891"), List.of(14, 7), deadline));
        assertThat(sentFor("round:" + roundId)).containsExactlyInAnyOrderElementsOf(expected);

        String triTon = TestTokens.localityOfficer("891");
        List<JsonNode> triTonInbox = inbox(triTon, roundId);
        assertThat(triTonInbox).hasSize(2).allSatisfy(item -> {
            assertThat(item.get("body").asString()).isEqualTo("Tri Tôn: đã nộp 1/3 sản phẩm; hạn nộp 10/07/2020");
            assertThat(item.get("read").asBoolean()).isFalse();
        });
        long unread = api().get("/inbox/unread-count", triTon).json().get("unread").asLong();
        String firstId = triTonInbox.get(0).get("id").asString();
        assertThat(api().post("/inbox/" + firstId + "/read", TestTokens.localityOfficer("893"), null).status())
                .isEqualTo(404);
        assertThat(api().post("/inbox/" + firstId + "/read", triTon, null).status()).isEqualTo(204);
        assertThat(api().get("/inbox/unread-count", triTon).json().get("unread").asLong()).isEqualTo(unread - 1);

        assertThat(inbox(TestTokens.localityOfficer("883"), roundId)).isEmpty();
        assertThat(inbox(TestTokens.localityOfficer("889"), chauPhu)).singleElement().satisfies(item -> {
            assertThat(item.get("kind").asString()).isEqualTo("DOSSIER_RETURNED");
            assertThat(item.get("body").asString()).contains("Sản phẩm 889-1", "Thiếu chữ ký của chủ thể");
        });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Mails.to(smtp, "nn.triton@angiang.example")).hasSize(2);
            assertThat(Mails.to(smtp, "chomoi@angiang.example")).hasSize(4);
        });
        var vietnamese = Mails.to(smtp, "nn.triton@angiang.example").get(0);
        assertThat(Mails.subject(vietnamese)).startsWith("Nhắc hạn nộp hồ sơ OCOP");
        assertThat(Mails.part(vietnamese, "text/plain")).contains("Kính gửi: Tri Tôn",
                "Tri Tôn: đã nộp 1/3 sản phẩm; hạn nộp 10/07/2020");
        assertThat(Mails.part(vietnamese, "text/html")).contains("<html lang=\"vi\">",
                "Tri Tôn: đã nộp 1/3 sản phẩm; hạn nộp 10/07/2020");
        List<String> english = Mails.to(smtp, "chomoi@angiang.example").stream()
                .map(message -> Mails.part(message, "text/plain")).toList();
        assertThat(english).allSatisfy(text -> assertThat(text)
                .contains("Chợ Mới: 2 of 3 products submitted; deadline 10/07/2020"));
        assertThat(Mails.to(smtp, "chomoi@angiang.example").stream().map(Mails::subject))
                .filteredOn(subject -> subject.startsWith("Overdue")).hasSize(1);
    }

    @Test
    void certificatesExpiryIsAnnouncedToTheLocalityAndTheProvinceAt90And30Days() {
        LocalDate validUntil = LocalDate.of(2024, 3, 31);
        String caseId = "case-" + UUID.randomUUID();
        String certificate = "GCN-" + UUID.randomUUID().toString().substring(0, 8);
        at(LocalDate.of(2023, 12, 1), LocalTime.of(9, 0));
        Events.publish(caseId, new ProductRated(caseId, "HS-" + caseId, "P-" + caseId, "Trà xạ đen", "E-1",
                "HTX Trà xạ đen Long Xuyên", "883", 1, 3, new BigDecimal("62.50"), CouncilLevel.PROVINCE,
                "86/QĐ-UBND", certificate, LocalDate.of(2021, 3, 31), validUntil, Instant.parse("2021-03-31T03:00:00Z")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(query(where("_id").is("certificate:" + caseId)), DeadlineDocument.class));

        stepDays(LocalDate.of(2023, 12, 1), LocalDate.of(2024, 4, 10), Map.of());

        assertThat(sentFor("certificate:" + caseId)).containsExactlyInAnyOrderElementsOf(
                expected(List.of("883", "89"), List.of(90, 30), validUntil));
        assertThat(inbox(TestTokens.provinceOfficer(), certificate)).extracting(item -> item.get("body").asString())
                .anySatisfy(body -> assertThat(body).contains(certificate, "Trà xạ đen", "Long Xuyên", "31/03/2024",
                        "còn 90 ngày"))
                .anySatisfy(body -> assertThat(body).contains("còn 30 ngày"));
        assertThat(inbox(TestTokens.localityOfficer("883"), certificate)).hasSize(2)
                .noneMatch(item -> item.get("kind").asString().equals("PRODUCT_RATED"));
    }

    @Test
    void anOfficersPassWhileAnotherPassRunsIsRefusedWith409AndRunsOnceItEnded() throws Exception {
        try (var otherReplica = new OtherReplicasPass(Duration.ofMinutes(1))) {
            var refused = api().post("/reminders/run", TestTokens.provinceOfficer(), null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body()).contains("\"code\":\"reminders.pass-running\"", "Một lượt gửi nhắc hạn đang chạy");
        }
        assertThat(api().post("/reminders/run", TestTokens.provinceOfficer(), null).status()).isEqualTo(200);
    }

    /** Another replica's pass: holds the pass lock from its creation until it is closed. */
    private final class OtherReplicasPass implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final CompletableFuture<Void> pass;

        OtherReplicasPass(Duration lockAtMostFor) throws InterruptedException {
            var running = new java.util.concurrent.CountDownLatch(1);
            var locks = new net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor(lockProvider);
            pass = CompletableFuture.runAsync(() -> locks.executeWithLock((Runnable) () -> {
                running.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, new net.javacrumbs.shedlock.core.LockConfiguration(net.javacrumbs.shedlock.core.ClockProvider.now(),
                    ReminderPlanner.PASS_LOCK, lockAtMostFor, Duration.ZERO)));
            assertThat(running.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            pass.get();
        }
    }

    @Test
    void laterPassesWhileAnOffsetIsCurrentDoNotTryTheRemindersDeliveredBefore() throws Exception {
        LocalDate deadline = LocalDate.of(2018, 7, 10);
        String roundId = "dot-1-2018-" + UUID.randomUUID();
        at(LocalDate.of(2018, 6, 1), LocalTime.of(9, 0));
        openRound(roundId, deadline, List.of("883", "884", "886"));
        String deadlineId = "round:" + roundId;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(query(where("_id").is(deadlineId)), DeadlineDocument.class));
        at(deadline.minusDays(7), LocalTime.of(8, 0, 1));
        planner.runOnce();
        assertThat(sentFor(deadlineId)).hasSize(3);

        long before = inserts.into("reminder_sends");
        at(deadline.minusDays(7), LocalTime.of(9, 0));
        planner.runOnce();
        at(deadline.minusDays(6), LocalTime.of(9, 0)); // offset 7 is still the current one (max-lateness 3 days)
        planner.runOnce();

        assertThat(inserts.into("reminder_sends")).isEqualTo(before);
        assertThat(sentFor(deadlineId)).hasSize(3);
    }

    @Test
    void aPassThatOutlastsItsLockKeepsTheLockUntilItEnds() throws Exception {
        // the shortest lock there is (30 s), extended every 15 s while the pass runs
        try (var otherReplica = new OtherReplicasPass(Duration.ofSeconds(30))) {
            Date lockedUntil = passLockUntil();
            await().atMost(Duration.ofSeconds(25)).until(() -> passLockUntil().after(lockedUntil));
            assertThat(passLockUntil()).isAfter(Date.from(Instant.now().plusSeconds(20)));
            assertThat(api().post("/reminders/run", TestTokens.provinceOfficer(), null).status()).isEqualTo(409);
        }
        assertThat(passLockUntil()).isBeforeOrEqualTo(new Date());
        assertThat(api().post("/reminders/run", TestTokens.provinceOfficer(), null).status()).isEqualTo(200);
    }

    private Date passLockUntil() {
        return mongo.getCollection("shedlock").find(new org.bson.Document("_id", ReminderPlanner.PASS_LOCK)).first()
                .getDate("lockUntil");
    }

    @Test
    void aRestartOrASecondReplicaInTheMiddleSendsNoDuplicate() throws Exception {
        LocalDate deadline = LocalDate.of(2021, 7, 10);
        String roundId = "dot-1-2021-" + UUID.randomUUID();
        at(LocalDate.of(2021, 6, 1), LocalTime.of(9, 0));
        assertThat(api().put("/address-book/886", TestTokens.provinceOfficer(),
                "{\"contacts\":[{\"email\":\"anphu@angiang.example\"}]}").status()).isEqualTo(200);
        openRound(roundId, deadline, List.of("886", "890"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(query(where("_id").is("round:" + roundId)), DeadlineDocument.class));
        String deadlineId = "round:" + roundId;

        // A crash right after the decision to remind An Phú 14 days before: the send key is PENDING, nothing delivered.
        at(deadline.minusDays(14), LocalTime.of(8, 0, 1));
        mongo.insert(new ReminderSend(vn.ocop.notification.reminders.domain.Obligations.reminderKey(deadlineId, "886", 14),
                deadlineId, "886", 14, "ROUND_SUBMISSION", ReminderSend.State.PENDING, "", clock.instant(), null));
        // after the restart: two replicas' passes at once, and the scheduler's own
        ReminderPlanner secondReplica = new ReminderPlanner(calendar, mongo, notifier, settings, units, clock, meters, lockProvider);
        var first = CompletableFuture.supplyAsync(planner::runOnce);
        var second = CompletableFuture.supplyAsync(secondReplica::runOnce);
        first.get();
        second.get();
        planner.runOnce();
        secondReplica.runOnce();

        assertThat(sentFor(deadlineId)).containsExactlyInAnyOrder(
                new Sent("886", 14, deadline.minusDays(14)), new Sent("890", 14, deadline.minusDays(14)));
        assertThat(inbox(TestTokens.localityOfficer("886"), roundId)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Mails.to(smtp, "anphu@angiang.example").size() == 1);
        at(deadline.minusDays(14), LocalTime.of(9, 0));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Mails.to(smtp, "anphu@angiang.example").size() == 1);
        assertThat(inbox(TestTokens.localityOfficer("886"), roundId)).hasSize(1);
    }

    /**
     * A second replica of the service in the same JVM: same database, SMTP server and clock; its Kafka consumers are
     * left out so that it does not take partitions from the shared test context.
     */
    private ConfigurableApplicationContext startSecondReplica() {
        return new SpringApplicationBuilder(vn.ocop.notification.NotificationServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0", "--ocop.test.second-replica=true", "--spring.cloud.function.definition=",
                        "--spring.mail.port=" + smtp.port(), "--spring.jmx.enabled=false");
    }

    @Test
    void aSecondReplicaStoppedInTheMiddleOfTheRemindersLeavesNoDuplicate() throws Exception {
        LocalDate deadline = LocalDate.of(2019, 7, 10);
        String roundId = "dot-1-2019-" + UUID.randomUUID();
        at(LocalDate.of(2019, 6, 1), LocalTime.of(9, 0));
        assertThat(api().put("/address-book/884", TestTokens.provinceOfficer(),
                "{\"contacts\":[{\"email\":\"chaudoc-2019@angiang.example\"}]}").status()).isEqualTo(200);
        openRound(roundId, deadline, List.of("883", "884", "886"));
        String deadlineId = "round:" + roundId;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(query(where("_id").is(deadlineId)), DeadlineDocument.class));

        try (ConfigurableApplicationContext replica = startSecondReplica()) {
            ReminderPlanner other = replica.getBean(ReminderPlanner.class);
            at(deadline.minusDays(7), LocalTime.of(8, 0, 1));
            var first = CompletableFuture.supplyAsync(planner::runOnce);
            var second = CompletableFuture.supplyAsync(other::runOnce);
            first.get();
            second.get();
        }
        planner.runOnce();

        assertThat(sentFor(deadlineId)).containsExactlyInAnyOrderElementsOf(
                expected(List.of("883", "884", "886"), List.of(7), deadline));
        assertThat(inbox(TestTokens.localityOfficer("884"), roundId)).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> Mails.to(smtp, "chaudoc-2019@angiang.example").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Mails.to(smtp, "chaudoc-2019@angiang.example").size() == 1);
    }
}
