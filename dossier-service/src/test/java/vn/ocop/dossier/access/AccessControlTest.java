package vn.ocop.dossier.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.SessionAssigned;
import vn.ocop.dossier.assignments.SessionAssignments;
import vn.ocop.dossier.support.Api;
import vn.ocop.dossier.support.Api.Response;
import vn.ocop.dossier.support.Events;
import vn.ocop.dossier.support.IntegrationTest;
import vn.ocop.infra.testing.TestTokens;

/** Locality scoping on every endpoint, council members through SessionAssigned only, departments nothing. */
class AccessControlTest extends IntegrationTest {

    @Autowired
    SessionAssignments assignments;

    String roundId;
    String entity;
    String product;
    String dossier;
    String document;

    @BeforeEach
    void dossierOfTanChau() {
        roundId = openRound(LocalDate.of(2025, 6, 30), TAN_CHAU, AN_PHU);
        dossier = completeDraft(TAN_CHAU, "Mắm cá linh Tân Châu", roundId);
        Response view = api.get("/dossiers/" + dossier, officer(TAN_CHAU));
        entity = view.json().path("entity").path("id").asString();
        product = view.json().path("product").path("id").asString();
        document = view.json().path("documents").path(0).path("id").asString();
    }

    record Call(String name, Function<String, Response> call) {
    }

    List<Call> everyEndpoint() {
        String d = "/dossiers/" + dossier;
        Map<String, Object> entityBody = Map.of("name", "Đổi tên", "address",
                Map.of("street", "x", "localityCode", TAN_CHAU));
        Map<String, Object> productBody = Map.of("entityId", entity, "name", "Đổi tên", "criteriaSetCode", 8);
        return List.of(
                new Call("GET dossier", t -> api.get(d, t)),
                new Call("PUT dossier", t -> api.put(d, t, Map.of("roundId", roundId))),
                new Call("GET history", t -> api.get(d + "/history", t)),
                new Call("POST submit", t -> api.post(d + "/submit", t, "")),
                new Call("POST return", t -> api.post(d + "/return", t,
                        Map.of("reasons", List.of(Map.of("item", "BUSINESS_PLAN", "reason", "x"))))),
                new Call("POST resubmit", t -> api.post(d + "/resubmit", t, "")),
                new Call("POST withdraw", t -> api.post(d + "/withdraw", t, Map.of("reason", "x"))),
                new Call("POST document", t -> api.upload(d + "/documents?kind=OTHER_EVIDENCE", t, "a.pdf", PDF)),
                new Call("GET documents", t -> api.get(d + "/documents", t)),
                new Call("GET document", t -> api.get(d + "/documents/" + document, t)),
                new Call("DELETE document", t -> api.delete(d + "/documents/" + document, t)),
                new Call("POST dossier", t -> api.post("/dossiers", t, Map.of("entityId", entity, "productId", product))),
                new Call("GET entity", t -> api.get("/entities/" + entity, t)),
                new Call("PUT entity", t -> api.put("/entities/" + entity, t, entityBody)),
                new Call("GET entity products", t -> api.get("/entities/" + entity + "/products", t)),
                new Call("POST product", t -> api.post("/products", t, productBody)),
                new Call("GET product", t -> api.get("/products/" + product, t)),
                new Call("PUT product", t -> api.put("/products/" + product, t, productBody)));
    }

    @Test
    void anotherLocalitysRecordsAreAnsweredAsMissingOnEveryEndpointAndNothingChanges() {
        String other = officer(AN_PHU);
        for (Call call : everyEndpoint()) {
            Response response = call.call().apply(other);
            assertThat(response.header("Content-Type")).as(call.name()).startsWith("application/problem+json");
            if (call.name().equals("POST dossier")) {
                assertThat(response.status()).as(call.name() + ": " + response.body()).isEqualTo(422);
                assertThat(response.json().path("errors").valueStream().map(e -> e.path("code").asString()))
                        .containsExactlyInAnyOrder("entity.not-found", "product.not-found");
            } else if (call.name().equals("POST return")) { // no locality officer returns a dossier, own or not
                assertThat(response.status()).as(call.name() + ": " + response.body()).isEqualTo(403);
                assertThat(response.text("code")).isEqualTo("auth.forbidden");
            } else {
                assertThat(response.status()).as(call.name() + ": " + response.body()).isEqualTo(404);
                assertThat(response.text("code")).as(call.name())
                        .isIn("dossier.not-found", "entity.not-found", "product.not-found");
            }
        }
        // the very answer an id that never existed gets, so that ids of other localities cannot be probed
        String unknown = UUID.randomUUID().toString();
        for (String path : List.of("/dossiers/", "/entities/", "/products/")) {
            String id = path.equals("/dossiers/") ? dossier : path.equals("/entities/") ? entity : product;
            Response hidden = api.get(path + id, other);
            Response missing = api.get(path + unknown, other);
            assertThat(hidden.status()).as(path).isEqualTo(missing.status()).isEqualTo(404);
            assertThat(hidden.text("code")).as(path).isEqualTo(missing.text("code"));
            assertThat(hidden.text("title")).as(path).isEqualTo(missing.text("title"));
            assertThat(hidden.text("detail").replace(id, "…")).as(path)
                    .isEqualTo(missing.text("detail").replace(unknown, "…"));
        }
        Response mine = api.get("/dossiers/" + dossier, officer(TAN_CHAU));
        assertThat(mine.text("status")).isEqualTo("DRAFT");
        assertThat(mine.json().path("documents").size()).isEqualTo(4);
        assertThat(mine.json().path("product").path("name").asString()).isEqualTo("Mắm cá linh Tân Châu");
    }

    @Test
    void departmentOfficersAndMachineClientsAreRefusedOnEveryEndpoint() {
        for (String token : List.of(TestTokens.departmentOfficer("SO-NN-MT"), TestTokens.machineClient("webhook", "ocop.read"))) {
            for (Call call : everyEndpoint()) {
                Response response = call.call().apply(token);
                assertThat(response.status()).as(call.name()).isEqualTo(403);
                assertThat(response.text("code")).as(call.name()).isIn("access.role", "access.province-only",
                        "auth.forbidden");
            }
            // the role is decided before the body is read: no validation problems for a caller who may not ask
            assertThat(api.post("/entities", token, Map.of()).status()).isEqualTo(403);
            assertThat(api.post("/dossiers", token, Map.of("entityId", "")).status()).isEqualTo(403);
            assertThat(api.post("/dossiers/" + dossier + "/return", officer(TAN_CHAU), Map.of()).status())
                    .isEqualTo(403);
            assertThat(api.get("/dossiers", token).json().path("total").asLong()).isZero();
        }
    }

    @Test
    void listsNeverLeakOtherLocalities() {
        String mineInAnPhu = completeDraft(AN_PHU, "Bánh bò thốt nốt", roundId);
        Response anPhu = api.get("/dossiers?size=100", officer(AN_PHU));
        assertThat(anPhu.json().path("items").valueStream().map(i -> i.path("localityCode").asString()))
                .containsOnly(AN_PHU);
        assertThat(ids(anPhu)).contains(mineInAnPhu).doesNotContain(dossier);
        assertThat(api.get("/dossiers?locality=" + TAN_CHAU, officer(AN_PHU)).json().path("total").asLong()).isZero();
        assertThat(api.get("/entities", officer(AN_PHU)).json().valueStream()
                .map(e -> e.path("localityCode").asString())).containsOnly(AN_PHU);
        assertThat(ids(api.get("/dossiers?size=100", province()))).contains(dossier, mineInAnPhu);
    }

    @Test
    void councilMembersReadOnlyTheDossiersOfTheirSessions() {
        String member = "council-" + UUID.randomUUID();
        String token = TestTokens.councilMember(member);
        assertThat(api.get("/dossiers/" + dossier, token).status()).isEqualTo(404);
        assertThat(api.get("/dossiers", token).json().path("total").asLong()).isZero();

        String session = "phien-" + UUID.randomUUID();
        Events.publish(new SessionAssigned(session, "hoi-dong-tinh", CouncilLevel.PROVINCE, LocalDate.of(2025, 7, 1),
                List.of(member, "council-other"), List.of(dossier), Instant.now()), session, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> assignments.isAssigned(member, dossier));

        assertThat(api.get("/dossiers/" + dossier, token).status()).isEqualTo(200);
        assertThat(api.get("/dossiers/" + dossier + "/history", token).status()).isEqualTo(200);
        assertThat(api.get("/dossiers/" + dossier + "/documents/" + document, token).status()).isEqualTo(200);
        assertThat(ids(api.get("/dossiers", token))).containsExactly(dossier);
        for (Call call : everyEndpoint()) {
            if (!call.name().startsWith("GET dossier") && !call.name().startsWith("GET history")
                    && !call.name().startsWith("GET document")) {
                assertThat(call.call().apply(token).status()).as(call.name()).isEqualTo(403);
            }
        }
        assertThat(api.get("/dossiers/" + dossier, TestTokens.councilMember("council-" + UUID.randomUUID())).status())
                .isEqualTo(404);

        // A later make-up of the session without this member takes the access away.
        Events.publish(new SessionAssigned(session, "hoi-dong-tinh", CouncilLevel.PROVINCE, LocalDate.of(2025, 7, 1),
                List.of("council-other"), List.of(dossier), Instant.now()), session, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> !assignments.isAssigned(member, dossier));
        assertThat(api.get("/dossiers/" + dossier, token).status()).isEqualTo(404);
    }

    private static List<String> ids(Api.Response list) {
        return list.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }
}
