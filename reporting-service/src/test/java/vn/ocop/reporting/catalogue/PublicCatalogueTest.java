package vn.ocop.reporting.catalogue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.ocop.reporting.support.ReportingIntegrationTest;
import vn.ocop.reporting.support.Scenario;

class PublicCatalogueTest extends ReportingIntegrationTest {

    private static Scenario scenario;

    @BeforeEach
    void feedOnce() {
        if (scenario == null) {
            scenario = Scenario.programme(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
            send(scenario.deliveryWithDuplicatesAndInterleaving(11));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                json(get("/catalogue/products?q=" + scenario.runId, null)).at("/totalItems").asLong() == 8
                        && json(get("/catalogue/products?q=" + q("số 5 " + scenario.runId), null))
                                .at("/totalItems").asLong() == 0);
    }

    @Test
    void anyoneFindsValidCertifiedProductsWithoutDiacritics() {
        JsonNode page = json(get("/catalogue/products?q=" + q("lap xuong bo " + scenario.runId), null));
        assertThat(page.at("/totalItems").asLong()).as("i = 6, 12, 18; i = 0 expired").isEqualTo(3);
        assertThat(texts(page, "productName")).allMatch(name -> name.startsWith("Lạp xưởng bò " + scenario.runId));
        assertThat(json(get("/catalogue/products?q=" + q("LẠP XƯỞNG BÒ " + scenario.runId), null))
                .at("/totalItems").asLong()).isEqualTo(3);
        assertThat(json(get("/catalogue/products?q=" + q("duong thot not set " + scenario.runId), null))
                .at("/totalItems").asLong()).as("i = 1, 7, 13 rated; 19 returned").isEqualTo(3);
        JsonNode first = page.at("/items/0");
        assertThat(first.at("/localityName").asString()).isNotBlank();
        assertThat(first.at("/stars").asInt()).isEqualTo(3);
        assertThat(first.at("/validUntil").asString()).isNotBlank();
    }

    @Test
    void expiredAndRevokedCertificatesAreNotListed() {
        JsonNode all = json(get("/catalogue/products?size=100&q=" + scenario.runId, null));
        assertThat(texts(all, "certificateNumber")).containsExactlyInAnyOrder(
                cert(6), cert(12), cert(18), cert(1), cert(7), cert(13), cert(16), cert(22));
    }

    @Test
    void filtersAndPages() {
        assertThat(json(get("/catalogue/products?stars=5&q=" + scenario.runId, null)).at("/totalItems").asLong())
                .isEqualTo(2);
        assertThat(json(get("/catalogue/products?locality=891&q=" + scenario.runId, null)).at("/totalItems").asLong())
                .isEqualTo(3);
        JsonNode last = json(get("/catalogue/products?size=3&page=2&q=" + scenario.runId, null));
        assertThat(last.at("/items")).hasSize(2);
        assertThat(last.at("/totalPages").asInt()).isEqualTo(3);
        JsonNode first = json(get("/catalogue/products?size=3&page=0&q=" + scenario.runId, null));
        assertThat(first.at("/items/0/stars").asInt()).isEqualTo(5);
        assertThat(get("/catalogue/products?size=1000", null).statusCode()).isEqualTo(422);
        HttpResponse<byte[]> regex = get("/catalogue/products?q=" + q("(.*[" + scenario.runId), null);
        assertThat(regex.statusCode()).isEqualTo(200);
        assertThat(json(regex).at("/totalItems").asLong()).isZero();
    }

    @Test
    void neverShowsNonPublicFields() {
        HttpResponse<byte[]> response = get("/catalogue/products?size=100&q=" + scenario.runId, null);
        String body = new String(response.body(), UTF_8);
        JsonNode item = json(response).at("/items/0");
        List<String> fields = new ArrayList<>();
        item.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("certificateNumber", "productName", "entityName", "localityCode",
                "localityName", "criteriaSetCode", "stars", "validFrom", "validUntil");
        assertThat(body).doesNotContain("dossier-" + scenario.runId, "entity-" + scenario.runId,
                "product-" + scenario.runId, "case-" + scenario.runId, "1601234", "locality-officer",
                "province-officer", "searchText", "score", "decisionNumber", "_id", "lastSequence");
    }

    private String cert(int i) {
        return "GCN-" + scenario.runId + "-" + i;
    }

    private static List<String> texts(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.at("/items").forEach(item -> values.add(item.get(field).asString()));
        return values;
    }
}
