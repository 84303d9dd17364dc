package vn.ocop.dossier.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ocop.dossier.support.Api.Response;
import vn.ocop.dossier.support.IntegrationTest;

/** Every missing item listed in one 422; lists filtered and searched without caring for diacritics. */
class CompletenessAndSearchTest extends IntegrationTest {

    @Test
    void submittingAnIncompleteDossierListsEverythingMissingAtOnce() {
        String officer = officer(TAN_CHAU);
        Response entity = api.post("/entities", officer, Map.of("name", "Hộ kinh doanh Út Lan",
                "address", Map.of("localityCode", TAN_CHAU)));
        assertThat(entity.status()).as(entity.body()).isEqualTo(201);
        Response product = api.post("/products", officer, Map.of("entityId", entity.text("id"), "name", "Bánh phồng"));
        String dossier = createDossier(officer, entity.text("id"), product.text("id"), "dot-khong-ton-tai");

        Response refused = api.post("/dossiers/" + dossier + "/submit", officer, "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("dossier.incomplete");
        assertThat(fields(refused)).containsExactly("entity.type", "entity.taxCode", "entity.representative.name",
                "entity.address.street", "product.criteriaSetCode", "product.productGroup", "product.description",
                "roundId", "documents[REGISTRATION_FORM]", "documents[BUSINESS_PLAN]",
                "documents[ORGANISATION_DESCRIPTION]", "documents[BUSINESS_REGISTRATION]");
        assertThat(refused.json().path("errors").path(8).path("message").asString()).contains("REGISTRATION_FORM");
        assertThat(status(dossier)).isEqualTo("DRAFT");
    }

    @Test
    void theRoundMustIncludeTheLocalityAndStillAcceptDossiers() {
        String closed = openRound(LocalDate.of(2025, 5, 9), CHAU_DOC);
        String dossier = completeDraft(TAN_CHAU, "Tương ớt", closed);

        Response refused = api.post("/dossiers/" + dossier + "/submit", officer(TAN_CHAU), "");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").valueStream().map(e -> e.path("code").asString()))
                .containsExactly("round.locality-not-participating", "round.deadline-passed");
        assertThat(status(dossier)).isEqualTo("DRAFT");
        Response english = api.get("/dossiers/unknown-dossier", officer(TAN_CHAU), "en");
        assertThat(english.status()).isEqualTo(404);
        assertThat(english.text("detail")).isEqualTo("Dossier unknown-dossier does not exist.");
        assertThat(api.get("/dossiers/unknown-dossier", officer(TAN_CHAU), "vi").text("detail"))
                .isEqualTo("Không tìm thấy hồ sơ unknown-dossier.");
    }

    @Test
    void aLocalityThatNoLongerExistsCannotTakeNewEntities() {
        Response refused = api.post("/entities", province(), Map.of("name", "HTX Phú Quốc",
                "address", Map.of("localityCode", "AG-2025-DK-PHU-QUOC")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").path(0).path("code").asString()).isEqualTo("locality.not-valid");
        assertThat(api.post("/entities", province(), Map.of("name", "X", "address", Map.of("localityCode", "99999")))
                .status()).isEqualTo(422);
        JsonNode units = api.get("/localities?validOn=2025-05-10", province()).json();
        assertThat(units.valueStream().map(u -> u.path("key").asString())).contains("89", "883", "894")
                .doesNotContain("AG-2025");
        assertThat(api.get("/localities?validOn=2025-07-01", province()).json().valueStream()
                .filter(u -> u.path("key").asString().equals("AG-2025-XA-AN-PHU")).findFirst().orElseThrow()
                .path("codeVerified").asBoolean()).isFalse();
    }

    @Test
    void searchIgnoresVietnameseDiacriticsAndFiltersCombine() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String officer = officer(CHAU_DOC);
        String entity = createEntity(officer, CHAU_DOC, "Cơ sở Lạp xưởng Út " + marker);
        String lapXuong = createDossier(officer, entity, createProduct(officer, entity, "Lạp xưởng bò Tân Châu " + marker, 8), null);
        String mam = createDossier(officer, entity, createProduct(officer, entity, "Mắm cá linh " + marker, 9), null);

        assertThat(ids(api.get("/dossiers?q=lap%20xuong%20bo%20tan%20chau%20" + marker, officer))).containsExactly(lapXuong);
        assertThat(ids(api.get("/dossiers?q=T%C3%82N%20CH%C3%82U%20" + marker, officer))).containsExactly(lapXuong);
        assertThat(ids(api.get("/dossiers?q=lap%20xuong%20ut%20" + marker, officer)))
                .containsExactlyInAnyOrder(lapXuong, mam);
        assertThat(ids(api.get("/dossiers?q=" + marker + "&criteriaSet=9", officer))).containsExactly(mam);
        assertThat(ids(api.get("/dossiers?q=" + marker + "&status=SUBMITTED", officer))).isEmpty();
        assertThat(ids(api.get("/dossiers?q=" + marker + "&status=DRAFT&locality=" + CHAU_DOC, province())))
                .containsExactlyInAnyOrder(lapXuong, mam);
        assertThat(api.get("/dossiers?q=(%5B.*" + marker, officer).json().path("total").asLong()).isZero();
        Response page = api.get("/dossiers?q=" + marker + "&size=1&page=1", officer);
        assertThat(page.json().path("total").asLong()).isEqualTo(2);
        assertThat(ids(page)).hasSize(1);

        api.put("/products/" + api.get("/dossiers/" + mam, officer).json().path("product").path("id").asString(),
                officer, Map.of("entityId", entity, "name", "Mắm thái Châu Đốc " + marker, "criteriaSetCode", 9));
        assertThat(ids(api.get("/dossiers?q=mam%20thai%20chau%20doc%20" + marker, officer))).containsExactly(mam);
    }

    private static List<String> fields(Response problem) {
        return problem.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().path("items").valueStream().map(i -> i.path("id").asString()).toList();
    }
}
