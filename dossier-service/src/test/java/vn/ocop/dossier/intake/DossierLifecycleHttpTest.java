package vn.ocop.dossier.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

import tools.jackson.databind.JsonNode;
import vn.ocop.chassis.messaging.CloudEventHeaders;
import vn.ocop.chassis.outbox.OutboxEvent;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventSchemas;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.DossierForwarded;
import vn.ocop.contracts.evaluation.NotQualifiedReason;
import vn.ocop.contracts.evaluation.NotQualifiedReasonCode;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.SessionAssigned;
import vn.ocop.dossier.support.Api;
import vn.ocop.dossier.support.Events;
import vn.ocop.dossier.support.IntegrationTest;
import vn.ocop.dossier.support.MongoReads;

/** The whole intake over HTTP with JWTs, on a real broker and a real MongoDB-wire server. */
class DossierLifecycleHttpTest extends IntegrationTest {

    private static final String PRODUCT = "Lạp xưởng bò Tân Châu";
    private static final String ENTITY = "Hợp tác xã Nông nghiệp Long Hưng";

    @Autowired
    MongoOperations mongo;

    @Autowired
    MongoReads reads;

    @Test
    void draftToRatedWithEventsValidAndVietnameseIntactEverywhere() {
        String roundId = openRound(LocalDate.of(2025, 6, 30), TAN_CHAU, CHAU_DOC);
        String officer = officer(TAN_CHAU);

        // Draft: entity, product, dossier, documents.
        String entity = createEntity(officer, TAN_CHAU, ENTITY);
        String product = createProduct(officer, entity, PRODUCT, 8);
        String dossier = createDossier(officer, entity, product, roundId);
        Api.Response draft = api.get("/dossiers/" + dossier, officer);
        assertThat(draft.text("status")).isEqualTo("DRAFT");
        assertThat(draft.json().path("product").path("name").asString()).isEqualTo(PRODUCT);
        assertThat(draft.json().path("product").path("productGroup").asString()).isEqualTo("THUC_PHAM");
        for (String kind : List.of("REGISTRATION_FORM", "BUSINESS_PLAN", "ORGANISATION_DESCRIPTION")) {
            assertThat(api.upload("/dossiers/" + dossier + "/documents?kind=" + kind, officer, kind + ".pdf", PDF)
                    .status()).isEqualTo(201);
        }
        Api.Response registration = api.upload("/dossiers/" + dossier + "/documents?kind=BUSINESS_REGISTRATION",
                officer, "Giấy chứng nhận đăng ký kinh doanh.pdf", PDF);
        assertThat(registration.status()).as(registration.body()).isEqualTo(201);
        assertThat(registration.text("filename")).isEqualTo("Giấy chứng nhận đăng ký kinh doanh.pdf");

        // Submit, twice with the same Idempotency-Key: one execution, one event.
        String key = "submit-" + UUID.randomUUID();
        Api.Response submitted = api.post("/dossiers/" + dossier + "/submit", officer, "", key);
        Api.Response replayed = api.post("/dossiers/" + dossier + "/submit", officer, "", key);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");

        // Vietnamese text intact in MongoDB.
        Document stored = mongo.findById(dossier, Document.class, "dossiers");
        assertThat(stored.getString("productName")).isEqualTo(PRODUCT);
        assertThat(stored.getString("entityName")).isEqualTo(ENTITY);

        // Return with a reason per item; resubmit.
        Api.Response returned = api.post("/dossiers/" + dossier + "/return", province(), Map.of("reasons", List.of(
                Map.of("item", "BUSINESS_PLAN", "reason", "Bổ sung phương án tiêu thụ sản phẩm"),
                Map.of("item", "QUALITY_DECLARATION", "reason", "Thiếu phiếu kiểm nghiệm chỉ tiêu ATTP"))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.text("status")).isEqualTo("RETURNED_FOR_COMPLETION");
        assertThat(returned.json().path("openReturnReasons").size()).isEqualTo(2);
        assertThat(api.upload("/dossiers/" + dossier + "/documents?kind=QUALITY_DECLARATION", officer,
                "Phiếu kiểm nghiệm.pdf", PDF).status()).isEqualTo(201);
        Api.Response resubmitted = api.post("/dossiers/" + dossier + "/resubmit", officer, "");
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.text("status")).isEqualTo("RESUBMITTED");
        assertThat(resubmitted.json().path("revision").asInt()).isEqualTo(1);

        // Evaluation: a session takes it up, then the product is rated (the same event delivered twice).
        Events.publish(new SessionAssigned("phien-" + UUID.randomUUID(), "hoi-dong-tinh", CouncilLevel.PROVINCE,
                LocalDate.of(2025, 7, 15), List.of("council-lan"), List.of(dossier), Instant.now()),
                "phien-" + dossier, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_EVALUATION".equals(status(dossier)));
        ProductRated rated = new ProductRated("case-" + dossier, dossier, product, PRODUCT, entity, ENTITY, TAN_CHAU,
                8, 4, new BigDecimal("78.50"), CouncilLevel.PROVINCE, "1234/QĐ-UBND", "OCOP-AG-2025-001",
                LocalDate.of(2025, 8, 1), LocalDate.of(2028, 8, 1), Instant.now());
        OutboxEvent ratedEvent = new OutboxEvent(UUID.randomUUID().toString(), EventType.of(rated).topic(),
                EventType.of(rated).source(), EventType.of(rated).ceType(), "case-" + dossier, 3, Instant.now(),
                new String(EventJson.write(rated), UTF_8), null);
        Events.send(ratedEvent);
        Events.send(ratedEvent);
        await().atMost(Duration.ofSeconds(30)).until(() -> "RATED".equals(status(dossier)));
        Api.Response final_ = api.get("/dossiers/" + dossier, officer);
        assertThat(final_.json().path("outcome").path("stars").asInt()).isEqualTo(4);
        assertThat(final_.json().path("outcome").path("certificateNumber").asString()).isEqualTo("OCOP-AG-2025-001");

        // History: every change, who and why, in order; the duplicate rating applied once.
        JsonNode history = api.get("/dossiers/" + dossier + "/history", officer).json().path("entries");
        List<String> actions = history.valueStream().map(e -> e.path("action").asString())
                .filter(a -> !a.startsWith("DOCUMENT")).toList();
        assertThat(actions).containsExactly("CREATED", "SUBMITTED", "RETURNED", "RESUBMITTED", "EVALUATION_STARTED",
                "RATED");
        assertThat(history.valueStream().filter(e -> "RETURNED".equals(e.path("action").asString())).findFirst()
                .orElseThrow().path("reasons").path(1).path("reason").asString())
                .isEqualTo("Thiếu phiếu kiểm nghiệm chỉ tiêu ATTP");

        // An illegal transition names the current state.
        Api.Response illegal = api.post("/dossiers/" + dossier + "/withdraw", officer, Map.of("reason", "Rút"));
        assertThat(illegal.status()).isEqualTo(409);
        assertThat(illegal.header("Content-Type")).startsWith("application/problem+json");
        assertThat(illegal.text("code")).isEqualTo("dossier.illegal-transition");
        assertThat(illegal.text("detail")).contains("RATED");

        // Published: one DossierSubmitted, then DossierReturned, DossierResubmitted — all valid, text intact.
        await().atMost(Duration.ofSeconds(30)).until(() -> Events.dossierEventsOf(dossier).size() >= 3);
        List<ConsumerRecord<String, byte[]>> records = Events.dossierEventsOf(dossier);
        assertThat(records).extracting(r -> Events.header(r, CloudEventHeaders.TYPE)).containsExactly(
                "vn.ocop.dossier.submitted.v1", "vn.ocop.dossier.returned.v1", "vn.ocop.dossier.resubmitted.v1");
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(EventSchemas.validate(Events.header(record, CloudEventHeaders.TYPE), record.value())).isEmpty();
            assertThat(Events.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(dossier);
        }
        assertThat(records).extracting(r -> Events.header(r, CloudEventHeaders.SEQUENCE)).doesNotHaveDuplicates();
        DossierSubmitted event = EventJson.read(records.get(0).value(), DossierSubmitted.class);
        assertThat(event.product().name()).isEqualTo(PRODUCT);
        assertThat(event.entity().name()).isEqualTo(ENTITY);
        assertThat(event.entity().representativeFemale()).isTrue();
        assertThat(event.documentCount()).isEqualTo(4);
        assertThat(event.roundId()).isEqualTo(roundId);
        DossierReturned returnedEvent = EventJson.read(records.get(1).value(), DossierReturned.class);
        assertThat(returnedEvent.reasons().get(0).reason()).isEqualTo("Bổ sung phương án tiêu thụ sản phẩm");
    }

    @Test
    void illegalTransitionsAnswer409NamingTheStateInTheCallersLanguage() {
        String roundId = openRound(LocalDate.of(2025, 6, 30), TAN_CHAU);
        String dossier = completeDraft(TAN_CHAU, "Đường thốt nốt", roundId);
        String officer = officer(TAN_CHAU);

        Api.Response resubmitDraft = api.post("/dossiers/" + dossier + "/resubmit", officer, "");
        assertThat(resubmitDraft.status()).isEqualTo(409);
        assertThat(resubmitDraft.text("detail")).contains("DRAFT");
        Api.Response returnDraft = api.post("/dossiers/" + dossier + "/return", province(),
                Map.of("reasons", List.of(Map.of("item", "BUSINESS_PLAN", "reason", "x"))));
        assertThat(returnDraft.status()).isEqualTo(409);

        assertThat(api.post("/dossiers/" + dossier + "/withdraw", officer, Map.of("reason", "Chủ thể xin rút"))
                .text("status")).isEqualTo("WITHDRAWN");
        Api.Response submitWithdrawn = api.post("/dossiers/" + dossier + "/submit", officer, "");
        assertThat(submitWithdrawn.status()).isEqualTo(409);
        assertThat(submitWithdrawn.text("detail")).contains("WITHDRAWN");
        Api.Response english = api.get("/dossiers/" + dossier, officer);
        assertThat(english.text("status")).isEqualTo("WITHDRAWN");
        assertThat(Events.dossierEventsOf(dossier)).as("a withdrawn draft tells nobody").isEmpty();
    }

    @Test
    void returningNeedsAReasonPerItemAndAProvinceOfficer() {
        String roundId = openRound(LocalDate.of(2025, 6, 30), TAN_CHAU);
        String dossier = completeDraft(TAN_CHAU, "Khô cá lóc", roundId);
        assertThat(api.post("/dossiers/" + dossier + "/submit", officer(TAN_CHAU), "").status()).isEqualTo(200);

        assertThat(api.post("/dossiers/" + dossier + "/return", officer(TAN_CHAU),
                Map.of("reasons", List.of(Map.of("item", "BUSINESS_PLAN", "reason", "x")))).status()).isEqualTo(403);
        Api.Response noReason = api.post("/dossiers/" + dossier + "/return", province(),
                Map.of("reasons", List.of(Map.of("item", "BUSINESS_PLAN"))));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("errors").path(0).path("field").asString()).isEqualTo("reasons[0].reason");
    }

    @Test
    void forwardedThenNotQualifiedIsWhatTheLocalitySees() {
        String roundId = openRound(LocalDate.of(2025, 6, 30), TAN_CHAU);
        String dossier = completeDraft(TAN_CHAU, "Rượu nếp cẩm", roundId);
        assertThat(api.post("/dossiers/" + dossier + "/submit", officer(TAN_CHAU), "").status()).isEqualTo(200);

        Events.publish(new DossierForwarded("case-" + dossier, dossier, TAN_CHAU, new BigDecimal("91.25"), 5,
                CouncilLevel.PROVINCE, CouncilLevel.CENTRAL, Instant.now()), "case-" + dossier, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CENTRAL".equals(api.get("/dossiers/" + dossier,
                officer(TAN_CHAU)).json().path("outcome").path("level").asString()));
        assertThat(status(dossier)).isEqualTo("IN_EVALUATION");

        Events.publish(new ProductNotQualified("case-" + dossier, dossier, TAN_CHAU, new BigDecimal("91.25"), 5,
                List.of(new NotQualifiedReason(NotQualifiedReasonCode.MANDATORY_CRITERION,
                        "Chưa đạt tiêu chí bắt buộc về an toàn thực phẩm", "C.9", 3)), Instant.now()),
                "case-" + dossier, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> "NOT_QUALIFIED".equals(status(dossier)));
        JsonNode last = api.get("/dossiers/" + dossier + "/history", officer(TAN_CHAU)).json().path("entries")
                .valueStream().reduce((a, b) -> b).orElseThrow();
        assertThat(last.path("action").asString()).isEqualTo("NOT_QUALIFIED");
        assertThat(last.path("note").asString()).isEqualTo("Chưa đạt tiêu chí bắt buộc về an toàn thực phẩm");
        assertThat(last.path("by").asString()).isEqualTo("evaluation-service");
    }

    @Test
    void aSubmissionReadsItsDossierEntityAndProductOnceEach() {
        String roundId = openRound(LocalDate.of(2025, 6, 30), TAN_CHAU);
        String officer = officer(TAN_CHAU);
        String entity = createEntity(officer, TAN_CHAU, "Hợp tác xã Mây tre đan Phú Tân");
        String product = createProduct(officer, entity, "Giỏ mây đan tay", 8);
        String dossier = createDossier(officer, entity, product, roundId);
        for (String kind : List.of("REGISTRATION_FORM", "BUSINESS_PLAN", "ORGANISATION_DESCRIPTION",
                "BUSINESS_REGISTRATION")) {
            assertThat(api.upload("/dossiers/" + dossier + "/documents?kind=" + kind, officer, kind + ".pdf", PDF)
                    .status()).isEqualTo(201);
        }
        long dossierReads = reads.byId("dossiers", dossier);
        long entityReads = reads.byId("entities", entity);
        long productReads = reads.byId("products", product);

        Api.Response submitted = api.post("/dossiers/" + dossier + "/submit", officer, "");

        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("entity").path("name").asString()).isEqualTo("Hợp tác xã Mây tre đan Phú Tân");
        assertThat(submitted.json().path("product").path("name").asString()).isEqualTo("Giỏ mây đan tay");
        assertThat(reads.byId("dossiers", dossier) - dossierReads).as("reads of the dossier").isEqualTo(1);
        assertThat(reads.byId("entities", entity) - entityReads).as("reads of the entity").isEqualTo(1);
        assertThat(reads.byId("products", product) - productReads).as("reads of the product").isEqualTo(1);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames()).contains("/dossiers", "/dossiers/{id}/submit",
                "/dossiers/{id}/documents", "/dossiers/{id}/documents/{documentId}", "/entities", "/products",
                "/localities");
    }
}
