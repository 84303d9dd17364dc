package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventSchemas;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.dossier.EntitySummary;
import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.contracts.dossier.ProductSummary;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.evaluation.support.Api;
import vn.ocop.evaluation.support.Kafka;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

/**
 * From a DossierSubmitted on Kafka, through a round, a council, a session and five members' signed sheets (on the
 * real set-01 sheet), to a schema-valid ProductRated on {@code ocop.evaluation.events}; plus the rules members
 * live by: conflicts of interest, own sheets only, locked sheets, one option per criterion.
 */
@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EvaluationFlowTest {

    private static final String OFFICER = TestTokens.provinceOfficer();
    private static final List<String> MEMBERS = List.of("hoidong1", "hoidong2", "hoidong3", "hoidong4", "hoidong5");

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void fiveMembersSheetsRateTheProductFourStarsAndPublishProductRated() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());
        Map<String, String> choices = fourStarChoices(scenario.sheet());

        for (int i = 0; i < MEMBERS.size(); i++) {
            String member = MEMBERS.get(i);
            Map<String, String> mine = i == 4 ? oneOptionLower(scenario.sheet(), choices) : choices;
            Api.Response saved = api.put(scenario.sheetPath(member), TestTokens.councilMember(member), body(mine));
            assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
            assertThat(saved.json().get("status").asString()).isEqualTo("DRAFT");
            Api.Response signed = api.post(scenario.sheetPath(member) + "/signature", TestTokens.councilMember(member),
                    Map.of());
            assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        }

        Api.Response decided = api.post(scenario.decisionPath(), OFFICER,
                Map.of("decisionNumber", "123/QĐ-UBND", "decisionDate", "2026-11-28"));

        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.json().get("status").asString()).isEqualTo("CERTIFIED");
        JsonNode certificate = decided.json().get("certificate");
        assertThat(certificate.get("stars").asInt()).isEqualTo(4);
        assertThat(certificate.get("validUntil").asString()).isEqualTo("2029-11-28");
        JsonNode decision = decided.json().get("decisions").get(0);
        assertThat(decision.get("rounding").asString()).isEqualTo("HALF_UP");
        assertThat(decision.get("memberTotals")).hasSize(5);

        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> Kafka.evaluationEventsOf(scenario.caseId()), records -> records.stream()
                        .anyMatch(r -> EventType.PRODUCT_RATED.ceType().equals(Kafka.header(r, "ce_type"))));
        ConsumerRecord<String, byte[]> rated = events.stream()
                .filter(r -> EventType.PRODUCT_RATED.ceType().equals(Kafka.header(r, "ce_type"))).findFirst()
                .orElseThrow();
        assertThat(EventSchemas.validate(EventType.PRODUCT_RATED, rated.value())).isEmpty();
        ProductRated body = (ProductRated) EventJson.read(rated.value(), EventType.PRODUCT_RATED);
        assertThat(body.stars()).isEqualTo(4);
        assertThat(body.level()).isEqualTo(CouncilLevel.PROVINCE);
        assertThat(body.dossierId()).isEqualTo(scenario.dossierId());
        assertThat(body.certificateNumber()).isEqualTo(certificate.get("number").asString());
        assertThat(body.score()).isEqualByComparingTo(decision.get("score").asString());
        assertThat(events).extracting(r -> Kafka.header(r, "ce_type"))
                .contains(EventType.PRODUCT_SCORED.ceType());

        Api.Response byProduct = api.get("/certificates?productId=" + scenario.productId(), OFFICER);
        assertThat(byProduct.json()).hasSize(1);
        String number = certificate.get("number").asString();
        String locality = certificate.get("localityCode").asString();
        assertThat(api.get("/certificates/" + number, TestTokens.localityOfficer(locality)).status()).isEqualTo(200);
        Api.Response otherLocality = api.get("/certificates/" + number, TestTokens.localityOfficer("99999"));
        assertThat(otherLocality.status()).isEqualTo(403);
        assertThat(otherLocality.json().get("code").asString()).isEqualTo("certificate.other-locality");
        assertThat(api.get("/certificates?productId=" + scenario.productId(), TestTokens.localityOfficer("99999"))
                .json()).isEmpty();
        assertThat(api.get("/certificates/" + number, TestTokens.departmentOfficer("SO-NNPTNT")).status())
                .as("departments read every certificate").isEqualTo(200);
        Api.Response revoked = api.post("/certificates/" + body.certificateNumber() + "/revocation", OFFICER,
                Map.of("reason", "Không đạt tiêu chí bắt buộc khi kiểm tra lại"));
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("province-officer");
        assertThat(api.post("/certificates/" + body.certificateNumber() + "/revocation", OFFICER,
                Map.of("reason", "again")).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> Kafka.evaluationEventsOf(scenario.caseId()),
                records -> records.stream().anyMatch(r -> {
                    if (!EventType.CERTIFICATE_REVOKED.ceType().equals(Kafka.header(r, "ce_type"))) {
                        return false;
                    }
                    assertThat(EventSchemas.validate(EventType.CERTIFICATE_REVOKED, r.value())).isEmpty();
                    return ((CertificateRevoked) EventJson.read(r.value(), EventType.CERTIFICATE_REVOKED))
                            .certificateNumber().equals(body.certificateNumber());
                }));
    }

    @Test
    void aConflictedMemberMayNotScoreAndMembersTouchOnlyTheirOwnSheets() {
        String entity = "E-" + UUID.randomUUID();
        Scenario scenario = newScenario(entity, List.of());
        Api.Response declared = api.post("/councils/" + scenario.councilId() + "/conflicts",
                TestTokens.councilMember("hoidong3"), Map.of("entityId", entity, "reason", "Vợ là thành viên HTX"));
        assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
        Map<String, String> choices = fourStarChoices(scenario.sheet());

        Api.Response conflicted = api.put(scenario.sheetPath("hoidong3"), TestTokens.councilMember("hoidong3"),
                body(choices));
        assertThat(conflicted.status()).as(conflicted.raw()).isEqualTo(403);
        assertThat(conflicted.json().get("code").asString()).isEqualTo("sheet.conflict-of-interest");

        assertThat(api.put(scenario.sheetPath("hoidong1"), TestTokens.councilMember("hoidong1"), body(choices))
                .status()).isEqualTo(200);
        Api.Response othersRead = api.get(scenario.sheetPath("hoidong1"), TestTokens.councilMember("hoidong2"));
        assertThat(othersRead.status()).isEqualTo(403);
        assertThat(othersRead.json().get("code").asString()).isEqualTo("sheet.not-yours");
        Api.Response othersWrite = api.put(scenario.sheetPath("hoidong1"), TestTokens.councilMember("hoidong2"),
                body(choices));
        assertThat(othersWrite.status()).isEqualTo(403);
        assertThat(api.get("/sessions/" + scenario.sessionId() + "/cases/" + scenario.caseId() + "/sheets",
                TestTokens.councilMember("hoidong2")).json()).isEmpty();
        // a member of another council sees nothing of this one: council, session, sheets
        String outsider = TestTokens.councilMember("hoidong-khac");
        for (String path : List.of("/councils/" + scenario.councilId(), "/sessions/" + scenario.sessionId(),
                "/sessions/" + scenario.sessionId() + "/cases/" + scenario.caseId() + "/sheets")) {
            Api.Response refused = api.get(path, outsider);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().get("code").asString()).isEqualTo("council.not-a-member-reader");
            assertThat(api.get(path, TestTokens.councilMember("hoidong2")).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get(scenario.sheetPath("hoidong1"), TestTokens.councilMember("hoidong1")).status())
                .isEqualTo(200);

        assertThat(api.post(scenario.sheetPath("hoidong1") + "/signature", TestTokens.councilMember("hoidong1"),
                Map.of()).status()).isEqualTo(200);
        Api.Response locked = api.put(scenario.sheetPath("hoidong1"), TestTokens.councilMember("hoidong1"),
                body(oneOptionLower(scenario.sheet(), choices)));
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.json().get("code").asString()).isEqualTo("sheet.locked");

        assertThat(api.post("/sessions/" + scenario.sessionId() + "/closure", OFFICER, Map.of()).status())
                .isEqualTo(200);
        assertThat(api.get(scenario.sheetPath("hoidong1"), TestTokens.councilMember("hoidong2")).status())
                .as("after the session closed").isEqualTo(200);
    }

    @Test
    void anInvalidSheetIsRefusedWithEveryProblemAndSigningNeedsEveryCriterion() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());
        String first = scenario.sheet().get("parts").get(0).get("groups").get(0).get("criteria").get(0)
                .get("code").asString();
        String second = scenario.sheet().get("parts").get(0).get("groups").get(0).get("criteria").get(1)
                .get("code").asString();
        List<Map<String, String>> bad = List.of(
                Map.of("criterion", first, "option", first + ".1"),
                Map.of("criterion", first, "option", first + ".2"),
                Map.of("criterion", second, "option", first + ".1"),
                Map.of("criterion", "Z.99.1", "option", "Z.99.1.1"));

        Api.Response refused = api.put(scenario.sheetPath("hoidong2"), TestTokens.councilMember("hoidong2"),
                Map.of("choices", bad));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        List<String> codes = new ArrayList<>();
        refused.json().get("errors").forEach(error -> codes.add(error.get("code").asString()));
        assertThat(codes).containsExactlyInAnyOrder("sheet.criterion-twice", "sheet.option-not-in-criterion",
                "sheet.criterion-unknown");

        assertThat(api.put(scenario.sheetPath("hoidong2"), TestTokens.councilMember("hoidong2"),
                Map.of("choices", List.of(Map.of("criterion", first, "option", first + ".1")))).status())
                .isEqualTo(200);
        Api.Response incomplete = api.post(scenario.sheetPath("hoidong2") + "/signature",
                TestTokens.councilMember("hoidong2"), Map.of());
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.json().get("errors").size()).isEqualTo(31);
    }

    @Test
    void withoutQuorumNoDecisionIsTaken() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());
        Map<String, String> choices = fourStarChoices(scenario.sheet());
        for (String member : MEMBERS.subList(0, 3)) {
            api.put(scenario.sheetPath(member), TestTokens.councilMember(member), body(choices));
            api.post(scenario.sheetPath(member) + "/signature", TestTokens.councilMember(member), Map.of());
        }

        Api.Response refused = api.post(scenario.decisionPath(), OFFICER, Map.of("decisionNumber", "9/QĐ-UBND"));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("decision.no-quorum");
    }

    @Test
    void aWithdrawnDossierClosesItsCase() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());

        Kafka.publish(new DossierWithdrawn(scenario.dossierId(), "30280", "Chủ thể xin rút", Instant.now(),
                "locality-officer-30280"), scenario.dossierId(), 2);

        await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/cases/" + scenario.caseId(), OFFICER).json().get("status").asString(),
                "WITHDRAWN"::equals);
        assertThat(api.put(scenario.sheetPath("hoidong1"), TestTokens.councilMember("hoidong1"),
                body(fourStarChoices(scenario.sheet()))).status()).isEqualTo(409);
    }

    @Test
    void theSameDossierEventTwiceOpensOneCase() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());

        Kafka.publish(submitted(scenario.dossierId(), scenario.roundId(), "E-x", scenario.productId()),
                scenario.dossierId(), 1);
        Kafka.publish(new DossierWithdrawn("other-" + UUID.randomUUID(), "30280", null, Instant.now(), "x"),
                "marker", 1);

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(
                () -> api.get("/cases?dossierId=" + scenario.dossierId(), OFFICER).json().size() == 1);
    }

    @Test
    void aLowScoreIsNotQualifiedWithTheScoreBandAsReason() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());
        signAll(scenario, extremeChoices(scenario.sheet(), false));

        Api.Response decided = api.post(scenario.decisionPath(), OFFICER, Map.of("decisionNumber", "77/QĐ-UBND"));

        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.json().get("status").asString()).isEqualTo("NOT_QUALIFIED");
        var records = await().atMost(Duration.ofSeconds(30)).until(() -> Kafka.evaluationEventsOf(scenario.caseId()),
                found -> found.stream().anyMatch(r -> EventType.PRODUCT_NOT_QUALIFIED.ceType()
                        .equals(Kafka.header(r, "ce_type"))));
        var record = records.stream().filter(r -> EventType.PRODUCT_NOT_QUALIFIED.ceType()
                .equals(Kafka.header(r, "ce_type"))).findFirst().orElseThrow();
        assertThat(EventSchemas.validate(EventType.PRODUCT_NOT_QUALIFIED, record.value())).isEmpty();
        var body = (vn.ocop.contracts.evaluation.ProductNotQualified) EventJson.read(record.value(),
                EventType.PRODUCT_NOT_QUALIFIED);
        assertThat(body.reasons()).extracting(r -> r.code())
                .containsExactly(vn.ocop.contracts.evaluation.NotQualifiedReasonCode.SCORE_BAND);
        assertThat(body.starsByScore()).isLessThan(3);
    }

    @Test
    void aTopScoreAtTheProvinceIsForwardedToTheCentralLevel() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());
        signAll(scenario, extremeChoices(scenario.sheet(), true));

        Api.Response decided = api.post(scenario.decisionPath(), OFFICER, Map.of("decisionNumber", "88/QĐ-UBND"));

        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.json().get("status").asString()).as("open again, at the next level").isEqualTo("OPEN");
        assertThat(decided.json().get("level").asString()).isEqualTo("CENTRAL");
        assertThat(decided.json().get("decisions").get(0).get("score").decimalValue()).isEqualByComparingTo("100");
        var records = await().atMost(Duration.ofSeconds(30)).until(() -> Kafka.evaluationEventsOf(scenario.caseId()),
                found -> found.stream().anyMatch(r -> EventType.DOSSIER_FORWARDED.ceType()
                        .equals(Kafka.header(r, "ce_type"))));
        var record = records.stream().filter(r -> EventType.DOSSIER_FORWARDED.ceType()
                .equals(Kafka.header(r, "ce_type"))).findFirst().orElseThrow();
        assertThat(EventSchemas.validate(EventType.DOSSIER_FORWARDED, record.value())).isEmpty();
        var body = (vn.ocop.contracts.evaluation.DossierForwarded) EventJson.read(record.value(),
                EventType.DOSSIER_FORWARDED);
        assertThat(body.toLevel()).isEqualTo(CouncilLevel.CENTRAL);
        assertThat(body.starsByScore()).isEqualTo(5);
        assertThat(api.post(scenario.decisionPath(), OFFICER, Map.of("decisionNumber", "88/QĐ-UBND")).status())
                .as("the provincial session cannot decide a case now at the central level").isEqualTo(409);
    }

    @Test
    void membersTotalsTooFarApartMustBeRescored() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());
        Map<String, String> high = extremeChoices(scenario.sheet(), true);
        Map<String, String> four = fourStarChoices(scenario.sheet());
        for (int i = 0; i < MEMBERS.size(); i++) {
            String member = MEMBERS.get(i);
            api.put(scenario.sheetPath(member), TestTokens.councilMember(member), body(i == 0 ? high : four));
            api.post(scenario.sheetPath(member) + "/signature", TestTokens.councilMember(member), Map.of());
        }

        Api.Response refused = api.post(scenario.decisionPath(), OFFICER, Map.of("decisionNumber", "1/QĐ-UBND"));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("decision.spread-exceeded");

        Api.Response reopened = api.post("/sessions/" + scenario.sessionId() + "/cases/" + scenario.caseId()
                + "/rescoring", OFFICER, Map.of("reason", "Điểm chênh lệch quá 10 điểm, hội đồng thảo luận và chấm lại"));
        assertThat(reopened.status()).as(reopened.raw()).isEqualTo(200);
        assertThat(reopened.json()).hasSize(5);
        String chair = MEMBERS.get(0);
        assertThat(api.put(scenario.sheetPath(chair), TestTokens.councilMember(chair), body(four)).status())
                .isEqualTo(200);
        assertThat(api.post(scenario.sheetPath(chair) + "/signature", TestTokens.councilMember(chair), Map.of())
                .status()).isEqualTo(200);
        for (String member : MEMBERS.subList(1, 5)) {
            api.post(scenario.sheetPath(member) + "/signature", TestTokens.councilMember(member), Map.of());
        }
        Api.Response decided = api.post(scenario.decisionPath(), OFFICER, Map.of("decisionNumber", "2/QĐ-UBND"));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.json().get("status").asString()).isEqualTo("CERTIFIED");
    }

    @Test
    void aResubmittedDossierOpensANewCaseAndSupersedesTheOldOne() {
        Scenario scenario = newScenario("E-" + UUID.randomUUID(), List.of());

        Kafka.publish(new vn.ocop.contracts.dossier.DossierResubmitted(scenario.dossierId(), scenario.roundId(),
                "30280", 1, Instant.now(), "locality-officer-30280"), scenario.dossierId(), 3);

        await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get("/cases/" + scenario.dossierId() + "-r1", OFFICER).status() == 200);
        JsonNode resubmitted = api.get("/cases/" + scenario.dossierId() + "-r1", OFFICER).json();
        assertThat(resubmitted.get("product").get("productId").asString()).isEqualTo(scenario.productId());
        assertThat(resubmitted.get("status").asString()).isEqualTo("OPEN");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/cases/" + scenario.caseId(), OFFICER).json().get("status").asString(),
                "SUPERSEDED"::equals);
    }

    private void signAll(Scenario scenario, Map<String, String> choices) {
        for (String member : MEMBERS) {
            Api.Response saved = api.put(scenario.sheetPath(member), TestTokens.councilMember(member), body(choices));
            assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
            assertThat(api.post(scenario.sheetPath(member) + "/signature", TestTokens.councilMember(member), Map.of())
                    .status()).isEqualTo(200);
        }
    }

    /** The best (or the worst) option of every criterion. */
    static Map<String, String> extremeChoices(JsonNode sheet, boolean best) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (JsonNode criterion : criteria(sheet)) {
            JsonNode pick = null;
            for (JsonNode option : criterion.get("options")) {
                int order = pick == null ? 0 : score(option).compareTo(score(pick));
                if (pick == null || (best ? order > 0 : order < 0)) {
                    pick = option;
                }
            }
            choices.put(criterion.get("code").asString(), pick.get("code").asString());
        }
        return choices;
    }

    record Scenario(String roundId, String dossierId, String caseId, String productId, String councilId,
            String sessionId, JsonNode sheet) {

        String sheetPath(String member) {
            return "/sessions/" + sessionId + "/cases/" + caseId + "/sheets/" + member;
        }

        String decisionPath() {
            return "/sessions/" + sessionId + "/cases/" + caseId + "/decision";
        }
    }

    private Scenario newScenario(String entityId, List<String> extraMembers) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Api.Response round = api.post("/rounds", OFFICER, Map.of(
                "name", "Đợt 2 năm 2026", "regimeCode", "QD1489-2025", "level", "PROVINCE",
                "submissionDeadline", today.plusDays(10).toString(),
                "plannedSessionDates", List.of(today.plusDays(20).toString()),
                "localities", List.of(Map.of("localityCode", "30280", "targetProducts", 3))));
        assertThat(round.status()).as(round.raw()).isEqualTo(201);
        String roundId = round.json().get("id").asString();
        String dossierId = "HS-" + UUID.randomUUID();
        String productId = "SP-" + UUID.randomUUID();
        Kafka.publish(submitted(dossierId, roundId, entityId, productId), dossierId, 1);
        String caseId = dossierId + "-r0";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/cases/" + caseId, OFFICER).status() == 200);

        List<String> members = new ArrayList<>(MEMBERS);
        members.addAll(extraMembers);
        Api.Response council = api.post("/councils", OFFICER, Map.of("name", "Hội đồng OCOP tỉnh An Giang",
                "level", "PROVINCE", "chairId", "hoidong1", "memberIds", members));
        assertThat(council.status()).as(council.raw()).isEqualTo(201);
        String councilId = council.json().get("id").asString();
        Api.Response session = api.post("/sessions", OFFICER,
                Map.of("councilId", councilId, "sessionDate", today.plusDays(20).toString()));
        assertThat(session.status()).as(session.raw()).isEqualTo(201);
        String sessionId = session.json().get("id").asString();
        Api.Response assigned = api.post("/sessions/" + sessionId + "/cases", OFFICER, Map.of("caseIds",
                List.of(caseId)));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        Api.Response sheet = api.get("/rulebooks/QD1489-2025/sheets/1", TestTokens.councilMember("hoidong1"));
        assertThat(sheet.status()).as(sheet.raw()).isEqualTo(200);
        return new Scenario(roundId, dossierId, caseId, productId, councilId, sessionId, sheet.json().get("sheet"));
    }

    private static DossierSubmitted submitted(String dossierId, String roundId, String entityId, String productId) {
        return new DossierSubmitted(dossierId, roundId, "30280",
                new EntitySummary(entityId, "HTX Nông nghiệp Tân Châu", EntityType.COOPERATIVE, "1600123456", true,
                        false),
                new ProductSummary(productId, "Xoài cát Hòa Lộc", 1, "THUC_PHAM"), 12, Instant.now(),
                "locality-officer-30280");
    }

    /** For each criterion: the option mandatory for 4★ (or the lowest), then upgrades while the total stays ≤ 85. */
    static Map<String, String> fourStarChoices(JsonNode sheet) {
        Map<String, String> choices = new LinkedHashMap<>();
        Map<String, JsonNode> criteria = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode criterion : criteria(sheet)) {
            JsonNode pick = null;
            for (JsonNode option : criterion.get("options")) {
                JsonNode required = option.get("requiredStars");
                boolean mandatoryUpTo4 = required != null && !required.isNull() && required.asInt() <= 4;
                if (pick == null || (mandatoryUpTo4 && score(option).compareTo(score(pick)) > 0)
                        || (!isMandatory(pick) && !mandatoryUpTo4 && score(option).compareTo(score(pick)) < 0)) {
                    pick = mandatoryUpTo4 || pick == null || !isMandatory(pick) ? option : pick;
                }
            }
            choices.put(criterion.get("code").asString(), pick.get("code").asString());
            criteria.put(criterion.get("code").asString(), criterion);
            total = total.add(score(pick));
        }
        for (var entry : criteria.entrySet()) {
            JsonNode best = null;
            for (JsonNode option : entry.getValue().get("options")) {
                if (best == null || score(option).compareTo(score(best)) > 0) {
                    best = option;
                }
            }
            BigDecimal current = optionScore(entry.getValue(), choices.get(entry.getKey()));
            BigDecimal raised = total.subtract(current).add(score(best));
            if (raised.compareTo(new BigDecimal("85")) <= 0) {
                choices.put(entry.getKey(), best.get("code").asString());
                total = raised;
            }
        }
        assertThat(total).isBetween(new BigDecimal("75"), new BigDecimal("85"));
        return choices;
    }

    /** The same choices with one criterion chosen one point lower on an option that is not mandatory. */
    static Map<String, String> oneOptionLower(JsonNode sheet, Map<String, String> choices) {
        Map<String, String> lower = new LinkedHashMap<>(choices);
        for (JsonNode criterion : criteria(sheet)) {
            JsonNode chosen = null;
            for (JsonNode option : criterion.get("options")) {
                if (option.get("code").asString().equals(choices.get(criterion.get("code").asString()))) {
                    chosen = option;
                }
            }
            if (isMandatory(chosen)) {
                continue;
            }
            for (JsonNode option : criterion.get("options")) {
                if (!isMandatory(option) && score(option).compareTo(score(chosen)) < 0) {
                    lower.put(criterion.get("code").asString(), option.get("code").asString());
                    return lower;
                }
            }
        }
        throw new IllegalStateException("no criterion to lower");
    }

    private static List<JsonNode> criteria(JsonNode sheet) {
        List<JsonNode> all = new ArrayList<>();
        sheet.get("parts").forEach(part -> part.get("groups").forEach(group -> group.get("criteria")
                .forEach(all::add)));
        return all;
    }

    private static boolean isMandatory(JsonNode option) {
        JsonNode required = option.get("requiredStars");
        return required != null && !required.isNull();
    }

    private static BigDecimal score(JsonNode option) {
        return new BigDecimal(option.get("score").asString());
    }

    private static BigDecimal optionScore(JsonNode criterion, String code) {
        for (JsonNode option : criterion.get("options")) {
            if (option.get("code").asString().equals(code)) {
                return score(option);
            }
        }
        throw new IllegalStateException(code);
    }

    private static Map<String, Object> body(Map<String, String> choices) {
        List<Map<String, String>> list = new ArrayList<>();
        choices.forEach((criterion, option) -> list.add(Map.of("criterion", criterion, "option", option)));
        return Map.of("choices", list);
    }
}
