package vn.ocop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
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
 * §1 of issue 8 as the 2020 letter (CV 600/UBND-KTN, 05/06/2020) describes it: the platform's business clock starts
 * on 8 June 2020 and is moved forward day by day; a round under QĐ 1048/781 for the 11 district-level units of An
 * Giang, target 3 each, deadline 10/07/2020; each district's own officer creates and submits its dossiers (the six
 * products the letter names among them); one is returned and resubmitted; the lagging districts are reminded on
 * every firing day (26/06, 03/07, 09/07 and, overdue, 11/07) in their inbox and by e-mail; a council of five scores
 * on 20/07, the province decides on 24/07; ProductRated reaches a signed webhook; statistics, the catalogue and the
 * Q3/2020 report show exactly that outcome. Finally the clock returns to today: the 2020 certificates (36 months)
 * have expired and left the catalogue.
 *
 * <p>The QĐ 1048 score sheets are not in the repository (only QĐ 148's 26 CSVs are): the province uploads a
 * synthetic sheet with 1048's part totals (35/25/40) through the officers' import API, exactly as it would upload
 * the gazette text. It is a test fixture, labelled as such in its first row.
 */
@Order(0)
@ExtendWith(PlatformExtension.class)
class A0Programme2020Test {

    private static final String S = "programme 2020";
    private static final String REGIME = "QD1048-2019";
    private static final LocalDate DEADLINE = LocalDate.of(2020, 7, 10);
    private static final String ROUND_NAME = "Đợt 2 năm 2020 — đánh giá, phân hạng sản phẩm OCOP tỉnh An Giang";

    /** One planned dossier: district officer, product, criteria set, council score cap, day of submission. */
    private record Plan(String officer, String district, String product, int criteriaSet, int cap, LocalDate submitOn) {
    }

    private static final List<Plan> PLANS = List.of(
            // by 25/06: Thoại Sơn reaches its 3; the letter's six products are all in
            new Plan("thoaison", "894", "Tranh lá thốt nốt", 21, 85, LocalDate.of(2020, 6, 10)),
            new Plan("thoaison", "894", "Khô cá lóc Thoại Sơn", 8, 85, LocalDate.of(2020, 6, 12)),
            new Plan("thoaison", "894", "Bánh phồng nếp Óc Eo", 6, 45, LocalDate.of(2020, 6, 15)),
            new Plan("triton", "891", "Đường thốt nốt sệt Palmania", 4, 85, LocalDate.of(2020, 6, 11)),
            new Plan("triton", "891", "Bò khô Tri Tôn", 8, 85, LocalDate.of(2020, 6, 18)),
            new Plan("longxuyen", "883", "Trà xạ đen", 12, 85, LocalDate.of(2020, 6, 16)),
            new Plan("chauthanh", "892", "Gạo thơm Ngọc Nhân", 3, 85, LocalDate.of(2020, 6, 17)),
            new Plan("chaudoc", "884", "Khô cá tra phồng", 8, 85, LocalDate.of(2020, 6, 19)),
            new Plan("tanchau", "887", "Lạp xưởng bò", 8, 60, LocalDate.of(2020, 6, 22)),
            // after the first reminder: Tri Tôn reaches its 3 on 01/07, Long Xuyên on 08/07
            new Plan("triton", "891", "Rượu nếp Tri Tôn", 14, 85, LocalDate.of(2020, 7, 1)),
            new Plan("longxuyen", "883", "Bánh pía Long Xuyên", 6, 85, LocalDate.of(2020, 7, 8)),
            new Plan("longxuyen", "883", "Nước mắm cá linh Long Xuyên", 9, 85, LocalDate.of(2020, 7, 8)));

    /** Firing day → districts still behind their target of 3 on that morning. */
    private static final Map<LocalDate, List<String>> LAGGING = new TreeMap<>(Map.of(
            LocalDate.of(2020, 6, 26), List.of("883", "884", "886", "887", "888", "889", "890", "891", "892", "893"),
            LocalDate.of(2020, 7, 3), List.of("883", "884", "886", "887", "888", "889", "890", "892", "893"),
            LocalDate.of(2020, 7, 9), List.of("884", "886", "887", "888", "889", "890", "892", "893"),
            LocalDate.of(2020, 7, 11), List.of("884", "886", "887", "888", "889", "890", "892", "893")));
    private static final Map<LocalDate, Integer> OFFSET = Map.of(LocalDate.of(2020, 6, 26), 14,
            LocalDate.of(2020, 7, 3), 7, LocalDate.of(2020, 7, 9), 1, LocalDate.of(2020, 7, 11), -1);

    private SystemPlatform p;
    private Http http;
    private Programme programme;
    private String admin;
    private String roundId;

    @Test
    void theProgrammeOf2020RunsOnItsOwnCalendar() throws Exception {
        p = SystemPlatform.get();
        http = p.http;
        programme = new Programme(http);
        admin = p.adminToken;
        Map<String, String> officerOf = new LinkedHashMap<>();
        SystemPlatform.DISTRICTS_2020.forEach((code, officer) -> officerOf.put(code, officer));

        Map<String, java.time.Instant> clocks = new LinkedHashMap<>();
        SystemPlatform.CLOCKED_SERVICES.forEach(service -> clocks.put(service, p.clockOf(service)));
        Summary.check(S, "business clock of dossier, evaluation, reporting, notification starts on 08/06/2020 "
                + "(identity and gateway on real time)", "clocks " + clocks, () -> assertThat(clocks.values())
                        .allMatch(now -> now.atZone(Programme.VN).toLocalDate().getYear() == 2020));

        // The rules of 2020 and the sheets the council will use.
        List<Integer> sets = PLANS.stream().map(Plan::criteriaSet).distinct().sorted().toList();
        byte[] sheet = syntheticSheet();
        List<String> statuses = new ArrayList<>();
        for (int set : sets) {
            Http.Response imported = http.upload("/api/evaluation/rulebooks/" + REGIME + "/sheets?criteriaSet=" + set
                    + "&name=" + Http.encode("Bộ " + set + " (phiếu tổng hợp cho kiểm thử)"), admin,
                    "qd1048-bo-" + set + ".csv", "text/csv", sheet);
            assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
            statuses.add(set + ":" + imported.json().get("status").asString());
        }
        Summary.check(S, "province imports QĐ 1048 score sheets (synthetic fixture, parts 35/25/40) for "
                + sets.size() + " criteria sets", "statuses " + statuses,
                () -> assertThat(statuses).allMatch(status -> status.endsWith(":ACTIVE")));

        // Address book: every district has an OCOP desk that receives the reminders by e-mail.
        for (var district : officerOf.entrySet()) {
            Http.Response saved = http.putJson("/api/notification/address-book/" + district.getKey(), admin,
                    Map.of("contacts", List.of(Map.of("name", "Bộ phận OCOP " + district.getValue(),
                            "email", mailbox(district.getKey()), "language", "vi"))));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        }

        // A webhook subscriber (a machine client with events.subscribe) for every ProductRated.
        WebhookReceiver receiver = new WebhookReceiver();
        Http.Response subscription = http.postJson("/api/notification/webhooks/subscriptions", p.machineToken,
                Map.of("url", receiver.url(), "eventTypes", List.of("ProductRated"),
                        "description", "Cổng thông tin sản phẩm OCOP An Giang 2020 (kiểm thử)"));
        assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
        String secret = subscription.json().get("secret").asString();

        // 08/06/2020: the province opens the round for the 11 districts under the regime in force that day.
        Http.Response wrongRegime = http.postJson("/api/evaluation/rounds", admin, Map.of("name", "Đợt sai quy định",
                "regimeCode", "QD148-2023", "level", "PROVINCE", "submissionDeadline", DEADLINE.toString(),
                "localities", List.of(Map.of("localityCode", "883", "targetProducts", 3))));
        roundId = programme.openRound(admin, ROUND_NAME, REGIME, new ArrayList<>(officerOf.keySet()), 3, DEADLINE);
        Summary.check(S, "08/06/2020: round under QĐ 1048/781 for the 11 districts, target 3, deadline 10/07/2020 "
                + "(QĐ 148, not yet signed, refused)", "round " + roundId + "; QĐ 148 → HTTP " + wrongRegime.status(),
                () -> assertThat(wrongRegime.status()).isEqualTo(422));

        // Each district officer prepares its own dossiers (entity, product, four documents) and submits them on
        // the planned day; a district cannot touch another's dossier.
        Map<Plan, Applicant> applicants = new LinkedHashMap<>();
        for (Plan plan : PLANS) {
            applicants.put(plan, programme.prepare(p.officerTokens.get(plan.officer()), roundId, plan.district(),
                    "HTX " + plan.product(), plan.product(), plan.criteriaSet(), "Ấp Trung Bình"));
        }
        Applicant late = programme.prepare(p.officerTokens.get("chomoi"), roundId, "893", "HTX Xoài cát Chợ Mới",
                "Xoài cát Hòa Lộc Chợ Mới", 1, "Ấp Long Hòa");
        Applicant foreign = applicants.values().iterator().next();
        Http.Response trespass = http.postJson("/api/dossier/dossiers/" + foreign.dossierId() + "/submit",
                p.officerTokens.get("chomoi"), Map.of());
        Summary.check(S, "district officers prepare " + (applicants.size() + 1) + " dossiers in their own district "
                + "(4 documents each); another district's dossier is out of reach (answered as missing)",
                "Chợ Mới submitting Thoại Sơn's: HTTP " + trespass.status(),
                () -> assertThat(trespass.status()).isEqualTo(404));

        List<LocalDate> days = new ArrayList<>(new java.util.TreeSet<>(PLANS.stream().map(Plan::submitOn).toList()));
        days.addAll(LAGGING.keySet());
        days.add(LocalDate.of(2020, 6, 29));
        days.add(LocalDate.of(2020, 6, 30));
        days = new ArrayList<>(new java.util.TreeSet<>(days));
        Applicant returned = applicants.entrySet().stream().filter(e -> e.getKey().product().equals("Khô cá tra phồng"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        Map<LocalDate, Map<String, Integer>> remindedOn = new LinkedHashMap<>();
        for (LocalDate day : days) {
            p.moveClockTo(day.atTime(8, 30).atZone(Programme.VN).toOffsetDateTime());
            for (var planned : applicants.entrySet()) {
                if (planned.getKey().submitOn().equals(day)) {
                    Http.Response submitted = programme.submitWhenRoundKnown(p.officerTokens.get(planned.getKey()
                            .officer()), planned.getValue().dossierId());
                    assertThat(submitted.status()).as(planned.getKey().product() + " " + submitted).isEqualTo(200);
                }
            }
            if (day.equals(LocalDate.of(2020, 6, 29))) {
                Http.Response giveBack = http.postJson("/api/dossier/dossiers/" + returned.dossierId() + "/return",
                        admin, Map.of("reasons", List.of(Map.of("item", "BUSINESS_PLAN",
                                "reason", "Phương án kinh doanh thiếu số liệu sản lượng năm 2019"))));
                assertThat(giveBack.status()).as(giveBack.toString()).isEqualTo(200);
            }
            if (day.equals(LocalDate.of(2020, 6, 30))) {
                programme.replaceBusinessPlanAndResubmit(p.officerTokens.get("chaudoc"), returned.dossierId(),
                        "Phương án kinh doanh (bổ sung sản lượng 2019).pdf");
            }
            if (LAGGING.containsKey(day)) {
                remindedOn.put(day, remindersOf(day));
            }
        }
        for (var day : remindedOn.entrySet()) {
            Summary.check(S, day.getKey() + " 08:00: " + (OFFSET.get(day.getKey()) < 0 ? "overdue notice" : "reminder "
                    + OFFSET.get(day.getKey()) + " days before") + " to exactly the districts behind their 3",
                    "reminded " + day.getValue(), () -> assertThat(day.getValue().keySet())
                            .containsExactlyInAnyOrderElementsOf(LAGGING.get(day.getKey())));
        }
        Summary.check(S, "29/06 returned for completion (Khô cá tra phồng, Châu Đốc); 30/06 its officer replaces the "
                + "business plan and resubmits", programme.status(admin, returned.dossierId()),
                () -> assertThat(programme.status(admin, returned.dossierId())).isEqualTo("RESUBMITTED"));

        // Each lagging district's desk got one e-mail per firing day, in Vietnamese, with its exact shortfall.
        Map<String, List<String>> mails = mailsByRecipient();
        Map<String, Integer> expectedMails = new TreeMap<>();
        LAGGING.values().forEach(units -> units.forEach(unit -> expectedMails.merge(mailbox(unit), 1, Integer::sum)));
        Map<String, Integer> receivedMails = new TreeMap<>();
        mails.forEach((to, bodies) -> receivedMails.put(to, bodies.size()));
        Summary.check(S, "e-mail (SMTP sink): each lagging district's desk one reminder per firing day, diacritics "
                + "intact, exact shortfall", mails.values().stream().mapToInt(List::size).sum() + " e-mails to "
                + mails.size() + " desks", () -> {
                    assertThat(receivedMails).isEqualTo(expectedMails);
                    assertThat(mails.get(mailbox("883"))).anyMatch(body -> body.contains("Long Xuyên: đã nộp 1/3 sản phẩm;"
                            + " hạn nộp 10/07/2020"));
                    assertThat(mails.get(mailbox("893"))).anyMatch(body -> body.contains("Chợ Mới: đã nộp 0/3 sản phẩm"));
                    assertThat(mails.get(mailbox("893"))).anyMatch(body -> body.contains("Quá hạn nộp hồ sơ OCOP"));
                    assertThat(mails).doesNotContainKey(mailbox("894"));
                });
        Http.Response tooLate = http.postJson("/api/dossier/dossiers/" + late.dossierId() + "/submit",
                p.officerTokens.get("chomoi"), Map.of());
        Summary.check(S, "11/07/2020: Chợ Mới's dossier after the deadline is refused", "HTTP " + tooLate.status(),
                () -> assertThat(tooLate.status()).isEqualTo(422));

        // 20/07/2020: the council of five, a session, every open case assigned and scored on the 1048 sheets.
        p.moveClockTo(OffsetDateTime.parse("2020-07-20T08:00:00+07:00"));
        Map<Plan, String> openCase = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (var planned : applicants.entrySet()) {
                List<JsonNode> open = programme.cases(admin, planned.getValue().dossierId()).stream()
                        .filter(c -> c.get("status").asString().equals("OPEN")).toList();
                assertThat(open).as("open cases of " + planned.getKey().product()).hasSize(1);
                openCase.put(planned.getKey(), open.get(0).get("id").asString());
            }
        });
        Http.Response council = http.postJson("/api/evaluation/councils", admin, Map.of(
                "name", "Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh An Giang năm 2020", "level", "PROVINCE",
                "chairId", SystemPlatform.MEMBERS.get(0), "memberIds", SystemPlatform.MEMBERS));
        assertThat(council.status()).as(council.toString()).isEqualTo(201);
        Http.Response session = http.postJson("/api/evaluation/sessions", admin, Map.of("councilId",
                council.json().get("id").asString(), "sessionDate", "2020-07-20"));
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String sessionId = session.json().get("id").asString();
        Http.Response assigned = http.postJson("/api/evaluation/sessions/" + sessionId + "/cases", admin,
                Map.of("caseIds", new ArrayList<>(openCase.values())));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        int sheets = 0;
        for (var planned : openCase.entrySet()) {
            Http.Response rubric = http.get("/api/evaluation/rulebooks/" + REGIME + "/sheets/"
                    + planned.getKey().criteriaSet(), p.memberTokens.get("hoidong1"));
            assertThat(rubric.status()).as(rubric.toString()).isEqualTo(200);
            Map<String, String> choices = Programme.choices(rubric.json().get("sheet"), planned.getKey().cap());
            for (String member : SystemPlatform.MEMBERS) {
                String path = "/api/evaluation/sessions/" + sessionId + "/cases/" + planned.getValue() + "/sheets/"
                        + member;
                Http.Response saved = http.putJson(path, p.memberTokens.get(member), Programme.sheetBody(choices));
                assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
                Http.Response signed = http.postJson(path + "/signature", p.memberTokens.get(member), Map.of());
                assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
                sheets++;
            }
        }
        int signedSheets = sheets;
        Summary.check(S, "20/07/2020: council of 5 scores every case on the QĐ 1048 sheets and signs",
                signedSheets + " signed sheets for " + openCase.size() + " cases",
                () -> assertThat(signedSheets).isEqualTo(5 * PLANS.size()));

        // 24/07/2020: the province decides.
        p.moveClockTo(OffsetDateTime.parse("2020-07-24T09:00:00+07:00"));
        Map<Plan, JsonNode> decisions = new LinkedHashMap<>();
        int number = 1601;
        int decided = 0;
        long killedAfterDeliveries = -1;
        for (var planned : openCase.entrySet()) {
            if (decided++ == 5) {
                // a fault in the middle of the fan-out: notification-service dies (kill -9) once webhook deliveries
                // of the first ratings are under way, while the province goes on deciding
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .until(() -> !receiver.deliveries().isEmpty());
                killedAfterDeliveries = receiver.deliveries().size();
                p.platform.kill("notification-service");
            }
            Http.Response decision = http.postJson("/api/evaluation/sessions/" + sessionId + "/cases/"
                    + planned.getValue() + "/decision", admin, Map.of("decisionNumber", (number++) + "/QĐ-UBND",
                    "decisionDate", "2020-07-24"));
            assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
            decisions.put(planned.getKey(), decision.json());
        }
        p.platform.start("notification-service");
        // a restarted service begins again at the configured start: bring it to the others' day
        p.moveClockTo("notification-service", p.clockOf("reporting-service").atOffset(java.time.ZoneOffset.ofHours(7)));
        long deliveredBeforeKill = killedAfterDeliveries;
        Summary.check(S, "kill -9 of notification-service during the ProductRated webhook fan-out, restarted",
                deliveredBeforeKill + " deliveries before the kill, " + (decisions.size() - 5)
                        + " decisions taken while it was down", () -> assertThat(deliveredBeforeKill).isPositive());
        Map<String, String> outcome = new LinkedHashMap<>();
        decisions.forEach((plan, decision) -> outcome.put(plan.product(), decision.get("status").asString()
                + (decision.hasNonNull("certificate") ? " " + decision.get("certificate").get("stars").asInt() + "★ "
                        + decision.get("certificate").get("number").asString() : "")));
        Set<String> certified = decisions.entrySet().stream()
                .filter(e -> e.getValue().get("status").asString().equals("CERTIFIED"))
                .map(e -> applicants.get(e.getKey()).dossierId()).collect(Collectors.toSet());
        Summary.check(S, "24/07/2020: province certifies 3–4★ (QĐ 1048 powers); below 50 points not qualified",
                outcome.toString(), () -> {
                    assertThat(certified).hasSize(PLANS.size() - 1);
                    assertThat(outcome.get("Lạp xưởng bò")).startsWith("CERTIFIED 3★ OCOP-2020-");
                    assertThat(outcome.get("Tranh lá thốt nốt")).startsWith("CERTIFIED 4★ OCOP-2020-");
                    assertThat(outcome.get("Bánh phồng nếp Óc Eo")).isEqualTo("NOT_QUALIFIED");
                });

        // ProductRated once per certified dossier on the topic; dossier statuses follow.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Set<String>> rated = new LinkedHashMap<>();
            for (Events.Event event : p.events.ofType(Events.EVALUATION, "product-rated")) {
                JsonNode body = Http.JSON.readTree(event.body());
                rated.computeIfAbsent(body.get("dossierId").asString(), k -> new java.util.HashSet<>()).add(event.id());
            }
            for (String dossierId : certified) {
                assertThat(rated.get(dossierId)).as("ProductRated ids of " + dossierId).hasSize(1);
            }
            for (var decision : decisions.entrySet()) {
                assertThat(programme.status(admin, applicants.get(decision.getKey()).dossierId()))
                        .isEqualTo(certified.contains(applicants.get(decision.getKey()).dossierId()) ? "RATED"
                                : "NOT_QUALIFIED");
            }
        });
        Summary.check(S, "ProductRated once per certified dossier; dossier statuses RATED / NOT_QUALIFIED",
                certified.size() + " ProductRated", () -> { });

        // reporting-service: the round's statistics and progress on 24/07/2020.
        JsonNode[] statistics = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response response = http.get("/api/reporting/statistics?round=" + roundId, admin);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            statistics[0] = response.json();
            JsonNode totals = statistics[0].get("totals");
            assertThat(totals.get("submitted").asLong()).isEqualTo(PLANS.size());
            assertThat(totals.get("rated").asLong()).isEqualTo(PLANS.size() - 1);
            assertThat(totals.get("notQualified").asLong()).isEqualTo(1);
            assertThat(totals.get("ratedByStars").get("3").asLong()).isEqualTo(1);
            assertThat(totals.get("ratedByStars").get("4").asLong()).isEqualTo(PLANS.size() - 2);
            assertThat(totals.get("certificatesValid").asLong()).isEqualTo(PLANS.size() - 1);
        });
        Map<String, Long> behind = new TreeMap<>();
        statistics[0].get("progress").forEach(row -> {
            if (row.get("behindBy").asLong() > 0) {
                behind.put(row.get("localityCode").asString(), row.get("behindBy").asLong());
            }
        });
        JsonNode totals = statistics[0].get("totals");
        Summary.check(S, "statistics of the round = the decisions; progress names the 8 districts behind",
                "submitted " + totals.get("submitted") + ", rated " + totals.get("rated") + " " + totals.get("ratedByStars")
                        + ", not qualified " + totals.get("notQualified") + "; behind " + behind,
                () -> assertThat(behind).isEqualTo(Map.of("884", 2L, "886", 3L, "887", 2L, "888", 3L, "889", 3L,
                        "890", 3L, "892", 2L, "893", 3L)));

        Http anonymous = new Http(http.base());
        Map<String, Long> listed = catalogueHits(anonymous, decisions, certified, applicants);
        Summary.check(S, "public catalogue on 24/07/2020 lists each certified product once, not the unqualified one",
                listed.toString(), () -> decisions.forEach((plan, decision) -> assertThat(listed.get(plan.product()))
                        .isEqualTo(certified.contains(applicants.get(plan).dossierId()) ? 1L : 0L)));

        // The Q3/2020 report: two districts report, the consolidated report carries the quarter's live figures.
        Map<String, String> reporters = new LinkedHashMap<>();
        for (String officer : List.of("longxuyen", "triton")) {
            reporters.put(p.officerTokens.get(officer), "Báo cáo quý III/2020 của " + officer);
        }
        JsonNode quarter = programme.quarterlyReport(admin, "Báo cáo quý III/2020 — Chương trình OCOP",
                LocalDate.of(2020, 7, 1), reporters, Map.of("products_submitted", 3, "products_rated", 3));
        JsonNode quarterTotals = quarter.get("statistics").get("totals");
        long submittedInQ3 = PLANS.stream().filter(plan -> plan.submitOn().getMonthValue() >= 7).count();
        Summary.check(S, "Q3/2020 report: 2 of 11 districts reported; live figures = dossiers first submitted in "
                + "July and ratings of 24/07", "reported " + quarter.get("submittedUnits") + ", missing "
                + quarter.get("missingUnits") + "; quarter submitted " + quarterTotals.get("submitted") + ", rated "
                + quarterTotals.get("rated") + ", not qualified " + quarterTotals.get("notQualified"), () -> {
                    assertThat(quarter.get("submittedUnits").asLong()).isEqualTo(2);
                    assertThat(quarter.get("missingUnits").asLong()).isEqualTo(9);
                    assertThat(quarterTotals.get("submitted").asLong()).isEqualTo(submittedInQ3);
                    assertThat(quarterTotals.get("rated").asLong()).isEqualTo(certified.size());
                    assertThat(quarterTotals.get("notQualified").asLong()).isEqualTo(1);
                });

        // The webhook subscriber received every ProductRated once, signed.
        Map<String, Long> perDossier = receiver.awaitDistinctPerDossier(certified.size());
        List<WebhookReceiver.Delivery> received = receiver.deliveries();
        Summary.check(S, "webhook subscriber received every ProductRated exactly once (distinct webhook-id) across "
                + "the kill -9, all signatures valid",
                received.size() + " deliveries for " + perDossier.size() + " dossiers", () -> {
                    assertThat(received).allMatch(d -> d.signedWith(secret));
                    assertThat(perDossier.keySet()).containsExactlyInAnyOrderElementsOf(certified);
                    assertThat(perDossier.values()).allMatch(count -> count == 1);
                });
        Http.Response unsubscribed = http.send("DELETE", "/api/notification/webhooks/subscriptions/"
                + subscription.json().get("id").asString(), p.machineToken, null, null);
        assertThat(unsubscribed.status()).as(unsubscribed.toString()).isIn(200, 204);
        receiver.close();

        // Back to today: the 36-month certificates of July 2020 have expired and left the catalogue.
        p.realTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode now = http.get("/api/reporting/statistics?round=" + roundId, admin).json().get("totals");
            assertThat(now.get("certificatesValid").asLong()).isZero();
            assertThat(now.get("certificatesExpired").asLong()).isEqualTo(certified.size());
        });
        Map<String, Long> today = catalogueHits(anonymous, decisions, certified, applicants);
        Summary.check(S, "clock back to today: the 2020 certificates count as expired and are gone from the catalogue",
                today.toString(), () -> assertThat(today.values()).allMatch(hits -> hits == 0));
    }

    /** Runs the reminder pass of {@code day} and returns unit → its submission reminders of that day's offset. */
    private Map<String, Integer> remindersOf(LocalDate day) {
        int offset = OFFSET.get(day);
        Map<String, Integer> byUnit = new TreeMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Http.Response run = http.postJson("/api/notification/reminders/run", admin, Map.of());
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            byUnit.clear();
            for (String unit : SystemPlatform.DISTRICTS_2020.keySet()) {
                Http.Response reminders = http.get("/api/notification/reminders?unit=" + unit + "&deadline="
                        + Http.encode("round:" + roundId), admin);
                assertThat(reminders.status()).as(reminders.toString()).isEqualTo(200);
                int count = 0;
                for (JsonNode reminder : reminders.json()) {
                    count += reminder.get("kind").asString().equals("ROUND_SUBMISSION")
                            && reminder.get("offset").asInt() == offset ? 1 : 0;
                }
                if (count > 0) {
                    byUnit.put(unit, count);
                }
            }
            assertThat(byUnit.keySet()).containsExactlyInAnyOrderElementsOf(LAGGING.get(day));
            assertThat(byUnit.values()).allMatch(count -> count == 1);
            // the district officer sees it in the platform's inbox too
            String officer = SystemPlatform.DISTRICTS_2020.get(LAGGING.get(day).get(0));
            Http.Response inbox = http.get("/api/notification/inbox", p.officerTokens.get(officer));
            assertThat(inbox.status()).as(inbox.toString()).isEqualTo(200);
            long seen = 0;
            for (JsonNode item : inbox.json()) {
                seen += item.get("body").asString().contains("hạn nộp 10/07/2020") ? 1 : 0;
            }
            assertThat(seen).isEqualTo(LAGGING.entrySet().stream().filter(e -> !e.getKey().isAfter(day)
                    && e.getValue().contains(LAGGING.get(day).get(0))).count());
        });
        // the e-mails of the day are in the sink before the clock moves on
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> mailsByRecipient()
                .values().stream().mapToInt(List::size).sum() == LAGGING.entrySet().stream()
                        .filter(e -> !e.getKey().isAfter(day)).mapToInt(e -> e.getValue().size()).sum());
        return byUnit;
    }

    private Map<String, Long> catalogueHits(Http anonymous, Map<Plan, JsonNode> decisions, Set<String> certified,
            Map<Plan, Applicant> applicants) {
        Map<String, Long> hits = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Plan plan : decisions.keySet()) {
                hits.put(plan.product(), Programme.catalogueHits(anonymous, plan.product()));
            }
            boolean validNow = p.clockOf("reporting-service").atZone(Programme.VN).getYear() < 2023;
            decisions.keySet().forEach(plan -> assertThat(hits.get(plan.product())).as(plan.product())
                    .isEqualTo(validNow && certified.contains(applicants.get(plan).dossierId()) ? 1L : 0L));
        });
        return hits;
    }

    private static String mailbox(String district) {
        return "ocop." + district + "@angiang.test";
    }

    /** Recipient → subject and plain text of every submission reminder of this round the SMTP sink holds. */
    private Map<String, List<String>> mailsByRecipient() throws Exception {
        Map<String, List<String>> byRecipient = new TreeMap<>();
        for (MimeMessage message : p.mail.getReceivedMessages()) {
            String subject = message.getSubject();
            if (!subject.equals("Nhắc hạn nộp hồ sơ OCOP: " + ROUND_NAME)
                    && !subject.equals("Quá hạn nộp hồ sơ OCOP: " + ROUND_NAME)) {
                continue; // other notices (a dossier returned, other rounds, reports) reach the desks too
            }
            String text = subject + "\n" + text(message);
            for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                byRecipient.computeIfAbsent(recipient.toString(), k -> new ArrayList<>()).add(text);
            }
        }
        return byRecipient;
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String string) {
            return string;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return "";
    }

    /** The synthetic score sheet with QĐ 1048's part totals (see the class comment). */
    static byte[] syntheticSheet() throws IOException {
        return resource("/rulebooks/qd1048-synthetic-sheet.csv");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = A0Programme2020Test.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
