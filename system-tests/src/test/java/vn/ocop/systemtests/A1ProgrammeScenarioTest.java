package vn.ocop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import vn.ocop.systemtests.support.Events;
import vn.ocop.systemtests.support.Http;
import vn.ocop.systemtests.support.PlatformExtension;
import vn.ocop.systemtests.support.Programme;
import vn.ocop.systemtests.support.Programme.Applicant;
import vn.ocop.systemtests.support.Summary;
import vn.ocop.systemtests.support.SystemPlatform;
import vn.ocop.systemtests.support.WebhookReceiver;

/**
 * §1 of issue 8: a round, dossiers with documents (the six products of the 2020 letter among them), submission,
 * one returned and resubmitted, a council of five scoring every case, decisions, ProductRated published and the
 * dossier statuses following — all through the gateway with real tokens, and the topics read with a plain consumer.
 */
@Order(1)
@ExtendWith(PlatformExtension.class)
class A1ProgrammeScenarioTest {

    private static final String S = "programme";

    /** product → [commune today, criteria set, 2020 district it belongs to in the letter] */
    private static final List<String[]> PRODUCTS = List.of(
            new String[] {"Tranh lá thốt nốt", "AG-2025-XA-AN-PHU", "21", "Thoại Sơn (894)"},
            new String[] {"Đường thốt nốt sệt Palmania", "AG-2025-XA-AN-PHU", "1", "Tri Tôn (891)"},
            new String[] {"Mắm cá linh An Phú", "AG-2025-XA-AN-PHU", "2", "An Phú (886)"},
            new String[] {"Trà xạ đen", "AG-2025-DK-PHU-QUOC", "14", "Long Xuyên (883)"},
            new String[] {"Gạo thơm Ngọc Nhân", "AG-2025-DK-PHU-QUOC", "1", "Châu Thành (892)"},
            new String[] {"Khô cá tra phồng", "AG-2025-DK-KIEN-HAI", "2", "Châu Đốc (884)"},
            new String[] {"Lạp xưởng bò", "AG-2025-DK-THO-CHAU", "4", "Tân Châu (887)"});

    @Test
    void theProgrammeRunsFromRoundToPublishedRatings() {
        SystemPlatform p = SystemPlatform.get();
        p.realTime();
        Http http = p.http;
        Programme programme = new Programme(http);
        String admin = p.adminToken;
        LocalDate today = LocalDate.now(Programme.VN);

        // The 2020 units: each district officer tries to register an entity in its own district today.
        Map<Integer, Integer> byStatus = new LinkedHashMap<>();
        for (var district : SystemPlatform.DISTRICTS_2020.entrySet()) {
            Http.Response response = programme.createEntity(p.officerTokens.get(district.getValue()),
                    "HTX thử " + district.getValue(), district.getKey(), "Ấp 1");
            byStatus.merge(response.status(), 1, Integer::sum);
        }
        Summary.check(S, "11 locality officers (883–894) create entities in their 2020 district today", "statuses "
                + byStatus + (byStatus.getOrDefault(422, 0) == 11 ? " (units valid only until 2025-06-30, real "
                + "clock: the 2020 scenario runs on today's communes instead)" : ""),
                () -> assertThat(byStatus.keySet()).allMatch(status -> status < 500));

        // A webhook subscriber (a machine client with events.subscribe) for every ProductRated.
        WebhookReceiver receiver = new WebhookReceiver();
        Http.Response subscription = http.postJson("/api/notification/webhooks/subscriptions", p.machineToken,
                Map.of("url", receiver.url(), "eventTypes", List.of("ProductRated"),
                        "description", "Cổng thông tin sản phẩm OCOP (kiểm thử)"));
        Summary.check(S, "webhook subscription for ProductRated by a machine client", "HTTP " + subscription.status(),
                () -> assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201));
        String secret = subscription.json().get("secret").asString();

        // The round, for the units valid today, target 3 each. The deadline is chosen so that the 7-days-before
        // reminder (08:00 Asia/Ho_Chi_Minh) has just fired: today+7 after 08:00, today+6 before.
        LocalDate deadline = java.time.LocalTime.now(Programme.VN).isBefore(java.time.LocalTime.of(8, 5))
                ? today.plusDays(6) : today.plusDays(7);
        String roundId = programme.openRound(admin, "Đợt 1 năm " + today.getYear() + " (kiểm thử hệ thống)",
                Programme.COMMUNES_TODAY, 3, deadline);
        Summary.check(S, "round opened (evaluation-service) for " + Programme.COMMUNES_TODAY.size()
                + " units, target 3, deadline " + deadline, "round " + roundId, () -> assertThat(roundId).isNotBlank());

        // Entities, products, dossiers with four real documents each; submitted.
        List<Applicant> applicants = new ArrayList<>();
        for (String[] product : PRODUCTS) {
            applicants.add(programme.prepare(admin, roundId, product[1], "HTX " + product[0], product[0],
                    Integer.parseInt(product[2]), "Ấp Trung Bình (theo thư 2020: " + product[3] + ")"));
        }
        Summary.check(S, "entities, products, DRAFT dossiers with 4 PDF/PNG documents each", applicants.size()
                + " dossiers, " + applicants.size() * 4 + " documents",
                () -> applicants.forEach(a -> assertThat(programme.dossier(admin, a.dossierId()).get("documents"))
                        .hasSize(4)));
        for (Applicant applicant : applicants) {
            Http.Response submitted = programme.submitWhenRoundKnown(admin, applicant.dossierId());
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        }
        Summary.check(S, "all dossiers submitted", applicants.size() + " SUBMITTED", () -> applicants
                .forEach(a -> assertThat(programme.status(admin, a.dossierId())).isEqualTo("SUBMITTED")));

        // One returned for completion, a document replaced, resubmitted.
        Applicant returned = applicants.stream().filter(a -> a.product().equals("Khô cá tra phồng")).findFirst()
                .orElseThrow();
        Http.Response giveBack = http.postJson("/api/dossier/dossiers/" + returned.dossierId() + "/return", admin,
                Map.of("reasons", List.of(Map.of("item", "BUSINESS_PLAN",
                        "reason", "Phương án kinh doanh thiếu số liệu sản lượng năm gần nhất"))));
        assertThat(giveBack.status()).as(giveBack.toString()).isEqualTo(200);
        assertThat(programme.status(admin, returned.dossierId())).isEqualTo("RETURNED_FOR_COMPLETION");
        programme.replaceBusinessPlanAndResubmit(admin, returned.dossierId(), "Phương án kinh doanh (bổ sung).pdf");
        Summary.check(S, "one dossier returned for completion, document replaced, resubmitted", returned.product(),
                () -> assertThat(programme.status(admin, returned.dossierId())).isEqualTo("RESUBMITTED"));

        // Reminders: only the units behind their target (An Phú has its 3; the other three communes lag).
        Http.Response run = http.postJson("/api/notification/reminders/run", admin, Map.of());
        Map<String, Integer> remindersByUnit = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            http.postJson("/api/notification/reminders/run", admin, Map.of());
            for (String unit : Programme.COMMUNES_TODAY) {
                Http.Response reminders = http.get("/api/notification/reminders?unit=" + unit, admin);
                assertThat(reminders.status()).as(reminders.toString()).isEqualTo(200);
                remindersByUnit.put(unit, reminders.json().size());
            }
            assertThat(remindersByUnit.entrySet()).allMatch(e -> e.getKey().equals("AG-2025-XA-AN-PHU")
                    ? e.getValue() == 0 : e.getValue() == 1);
        });
        Summary.check(S, "reminders (POST /reminders/run): one to each lagging unit, none to the unit at target",
                "run " + run.status() + "; reminders by unit " + remindersByUnit, () -> { });

        // Evaluation cases: one open case per dossier; the returned one's first case superseded.
        Map<String, String> openCase = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Applicant applicant : applicants) {
                List<JsonNode> cases = programme.cases(admin, applicant.dossierId());
                List<JsonNode> open = cases.stream().filter(c -> c.get("status").asString().equals("OPEN")).toList();
                assertThat(open).as("open cases of " + applicant.dossierId() + ": " + cases).hasSize(1);
                openCase.put(applicant.dossierId(), open.get(0).get("id").asString());
            }
            assertThat(programme.cases(admin, returned.dossierId())).extracting(c -> c.get("status").asString())
                    .containsExactlyInAnyOrder("OPEN", "SUPERSEDED");
        });
        Summary.check(S, "evaluation cases opened from the dossier events (one open per dossier)", openCase.size()
                + " open cases; resubmitted → " + openCase.get(returned.dossierId()),
                () -> assertThat(openCase.get(returned.dossierId())).endsWith("-r1"));

        // The council of five, a session, every case assigned.
        Http.Response council = http.postJson("/api/evaluation/councils", admin, Map.of(
                "name", "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh An Giang", "level", "PROVINCE",
                "chairId", SystemPlatform.MEMBERS.get(0), "memberIds", SystemPlatform.MEMBERS));
        assertThat(council.status()).as(council.toString()).isEqualTo(201);
        Http.Response session = http.postJson("/api/evaluation/sessions", admin, Map.of("councilId",
                council.json().get("id").asString(), "sessionDate", today.plusDays(12).toString()));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String sessionId = session.json().get("id").asString();
        Http.Response assigned = http.postJson("/api/evaluation/sessions/" + sessionId + "/cases", admin,
                Map.of("caseIds", new ArrayList<>(openCase.values())));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> applicants
                .forEach(a -> assertThat(programme.status(admin, a.dossierId())).isEqualTo("IN_EVALUATION")));
        Summary.check(S, "council of 5, session, cases assigned → dossiers IN_EVALUATION (SessionAssigned)",
                applicants.size() + " IN_EVALUATION", () -> { });

        // Five members score every case on its criteria set's sheet and sign; the province decides.
        Map<String, JsonNode> decisions = new LinkedHashMap<>();
        int sheets = 0;
        int number = 100;
        for (Applicant applicant : applicants) {
            String caseId = openCase.get(applicant.dossierId());
            Http.Response sheet = http.get("/api/evaluation/rulebooks/QD1489-2025/sheets/" + applicant.criteriaSet(),
                    p.memberTokens.get("hoidong1"));
            assertThat(sheet.status()).as(sheet.toString()).isEqualTo(200);
            int cap = applicant.product().equals("Lạp xưởng bò") ? 60 : 85;
            Map<String, String> choices = Programme.choices(sheet.json().get("sheet"), cap);
            for (String member : SystemPlatform.MEMBERS) {
                String path = "/api/evaluation/sessions/" + sessionId + "/cases/" + caseId + "/sheets/" + member;
                Http.Response saved = http.putJson(path, p.memberTokens.get(member), Programme.sheetBody(choices));
                assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
                Http.Response signed = http.postJson(path + "/signature", p.memberTokens.get(member), Map.of());
                assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
                sheets++;
            }
            Http.Response decided = http.postJson("/api/evaluation/sessions/" + sessionId + "/cases/" + caseId
                    + "/decision", admin, Map.of("decisionNumber", (number++) + "/QĐ-UBND", "decisionDate",
                    today.toString()));
            assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
            decisions.put(applicant.dossierId(), decided.json());
        }
        Map<String, Long> outcomes = decisions.values().stream()
                .collect(Collectors.groupingBy(d -> d.get("status").asString(), LinkedHashMap::new, Collectors.counting()));
        int signedSheets = sheets;
        Summary.check(S, "5 members scored and signed every case; decisions taken", signedSheets + " signed sheets; "
                + "outcomes " + outcomes, () -> assertThat(outcomes).containsKey("CERTIFIED"));

        // ProductRated on ocop.evaluation.events exactly once per certified dossier; statuses follow.
        Set<String> certified = decisions.entrySet().stream()
                .filter(e -> e.getValue().get("status").asString().equals("CERTIFIED")).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Set<String>> rated = new LinkedHashMap<>();
            for (Events.Event event : p.events.ofType(Events.EVALUATION, "product-rated")) {
                String dossierId = Http.JSON.readTree(event.body()).get("dossierId").asString();
                rated.computeIfAbsent(dossierId, k -> new java.util.HashSet<>()).add(event.id());
            }
            for (String dossierId : certified) {
                assertThat(rated.get(dossierId)).as("ProductRated ids of " + dossierId).hasSize(1);
            }
        });
        Summary.check(S, "ProductRated published once per certified dossier (plain KafkaConsumer)",
                certified.size() + " ProductRated", () -> { });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (var decision : decisions.entrySet()) {
                String expected = switch (decision.getValue().get("status").asString()) {
                    case "CERTIFIED" -> "RATED";
                    case "NOT_QUALIFIED" -> "NOT_QUALIFIED";
                    default -> "IN_EVALUATION";
                };
                assertThat(programme.status(admin, decision.getKey())).as(decision.getKey()).isEqualTo(expected);
            }
        });
        Map<String, Long> statuses = programme.dossiers(admin, roundId).stream().collect(Collectors.groupingBy(
                d -> d.get("status").asString(), LinkedHashMap::new, Collectors.counting()));
        Summary.check(S, "dossier statuses in dossier-service follow the outcomes", "by status " + statuses,
                () -> assertThat(statuses.values().stream().mapToLong(Long::longValue).sum())
                        .isEqualTo(applicants.size()));

        // Event ledger of the dossiers: each submission, return and resubmission exactly once.
        Set<String> ours = applicants.stream().map(Applicant::dossierId).collect(Collectors.toSet());
        List<Events.Event> dossierEvents = p.events.all(Events.DOSSIER).stream()
                .filter(e -> ours.contains(e.key())).toList();
        Map<String, Long> distinct = dossierEvents.stream().collect(Collectors.groupingBy(
                e -> e.type().replace("vn.ocop.dossier.", ""), LinkedHashMap::new,
                Collectors.mapping(Events.Event::id, Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        Summary.check(S, "ocop.dossier.events: one submitted per dossier, one returned, one resubmitted",
                "distinct events " + distinct + ", records " + dossierEvents.size(), () -> {
                    assertThat(distinct.get("submitted.v1")).isEqualTo(applicants.size());
                    assertThat(distinct.get("returned.v1")).isEqualTo(1L);
                    assertThat(distinct.get("resubmitted.v1")).isEqualTo(1L);
                });

        // reporting-service: statistics of the round and the public catalogue reflect exactly the outcome.
        Map<Integer, Long> starsDecided = decisions.values().stream().filter(d -> d.has("certificate")
                && !d.get("certificate").isNull()).collect(Collectors.groupingBy(
                        d -> d.get("certificate").get("stars").asInt(), java.util.TreeMap::new, Collectors.counting()));
        JsonNode[] statistics = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response response = http.get("/api/reporting/statistics?round=" + roundId, admin);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            statistics[0] = response.json();
            JsonNode totals = statistics[0].get("totals");
            assertThat(totals.get("submitted").asLong()).isEqualTo(applicants.size());
            assertThat(totals.get("rated").asLong()).isEqualTo(certified.size());
            assertThat(totals.get("returned").asLong()).isZero();
            for (var stars : starsDecided.entrySet()) {
                assertThat(totals.get("ratedByStars").get(String.valueOf(stars.getKey())).asLong())
                        .isEqualTo(stars.getValue());
            }
        });
        JsonNode totals = statistics[0].get("totals");
        Summary.check(S, "reporting statistics of the round = the decisions taken", "submitted "
                + totals.get("submitted").asLong() + ", rated " + totals.get("rated").asLong() + ", by stars "
                + totals.get("ratedByStars") + " (decided " + starsDecided + "), progress "
                + statistics[0].get("progress").size() + " rows", () -> { });
        Http anonymous = new Http(http.base());
        Map<String, Long> catalogue = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Applicant applicant : applicants) {
                catalogue.put(applicant.product(), Programme.catalogueHits(anonymous, applicant.product()));
            }
            assertThat(catalogue.values()).allMatch(hits -> hits == 1);
        });
        Summary.check(S, "public catalogue (anonymous, search without diacritics) lists each certified product once",
                catalogue.size() + " products found once each", () -> { });
        // A quarterly report period for the 11 units of 2020; two of them report; the consolidated report carries
        // the live statistics of the quarter, which must be exactly this programme's outcome.
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        Map<String, String> reporters = new LinkedHashMap<>();
        for (String officer : List.of("longxuyen", "triton")) {
            reporters.put(p.officerTokens.get(officer), "Báo cáo của " + officer);
        }
        JsonNode quarter = programme.quarterlyReport(admin, "Báo cáo quý " + ((today.getMonthValue() - 1) / 3 + 1)
                + "/" + today.getYear(), quarterStart, reporters, Map.of("products_submitted", 1, "products_rated", 1));
        JsonNode quarterTotals = quarter.get("statistics").get("totals");
        Summary.check(S, "quarterly report: 2 of 11 units reported; its live statistics = this programme's outcome",
                "submitted units " + quarter.get("submittedUnits").asLong() + ", missing "
                        + quarter.get("missingUnits").asLong() + "; quarter: submitted "
                        + quarterTotals.get("submitted").asLong() + ", rated " + quarterTotals.get("rated").asLong(),
                () -> {
                    assertThat(quarter.get("submittedUnits").asLong()).isEqualTo(2);
                    assertThat(quarter.get("missingUnits").asLong()).isEqualTo(9);
                    assertThat(quarterTotals.get("submitted").asLong()).isEqualTo(applicants.size());
                    assertThat(quarterTotals.get("rated").asLong()).isEqualTo(certified.size());
                });

        // notification-service: the webhook subscriber received every ProductRated, signed, once per event.
        Map<String, Long> perDossier = receiver.awaitDistinctPerDossier(certified.size());
        List<WebhookReceiver.Delivery> received = receiver.deliveries();
        Summary.check(S, "webhook subscriber received every ProductRated once (by webhook-id), all signatures valid",
                received.size() + " deliveries, " + perDossier.size() + " dossiers", () -> {
                    assertThat(received).allMatch(d -> d.signedWith(secret));
                    assertThat(perDossier.keySet()).containsExactlyInAnyOrderElementsOf(certified);
                    assertThat(perDossier.values()).allMatch(count -> count == 1);
                });
        receiver.close();
    }
}
