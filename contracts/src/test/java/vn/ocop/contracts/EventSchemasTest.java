package vn.ocop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class EventSchemasTest {

    @Test
    void missingRequiredFieldIsAViolation() {
        String json = withoutField(EventSamples.dossierSubmitted(), "\"dossierId\":\"" + EventSamples.DOSSIER_ID + "\",");

        assertThat(validate(EventType.DOSSIER_SUBMITTED, json))
                .singleElement().asString().contains("dossierId");
    }

    @Test
    void missingNestedRequiredFieldIsAViolationAtItsPath() {
        String json = withoutField(EventSamples.dossierSubmitted(), "\"criteriaSetCode\":1,");

        assertThat(validate(EventType.DOSSIER_SUBMITTED, json))
                .singleElement().asString().contains("$.product").contains("criteriaSetCode");
    }

    @Test
    void wrongTypeIsAViolation() {
        String json = text(EventSamples.productScored()).replace("\"memberCount\":9", "\"memberCount\":\"chín\"");

        assertThat(validate(EventType.PRODUCT_SCORED, json))
                .singleElement().asString().contains("$.memberCount").contains("integer");
    }

    @Test
    void starsOutsideThreeToFiveAreViolations() {
        String sixStars = text(EventSamples.productRated()).replace("\"stars\":4", "\"stars\":6");
        String twoStars = text(EventSamples.productRated()).replace("\"stars\":4", "\"stars\":2");

        assertThat(validate(EventType.PRODUCT_RATED, sixStars)).singleElement().asString().contains("$.stars");
        assertThat(validate(EventType.PRODUCT_RATED, twoStars)).singleElement().asString().contains("$.stars");
    }

    @Test
    void formatsAreAsserted() {
        String badDate = text(EventSamples.productRated()).replace("\"2028-09-01\"", "\"01/09/2028\"");
        String badInstant = text(EventSamples.productRated())
                .replace("\"2025-09-01T07:00:00Z\"", "\"2025-09-01 14:00\"");

        assertThat(validate(EventType.PRODUCT_RATED, badDate)).singleElement().asString().contains("$.validUntil");
        assertThat(validate(EventType.PRODUCT_RATED, badInstant)).singleElement().asString().contains("$.ratedAt");
    }

    @Test
    void enumValuesAndMinItemsAreAsserted() {
        String unknownChannel = text(EventSamples.notificationSent()).replace("\"EMAIL\"", "\"SMS\"");
        String noReasons = "{\"dossierId\":\"d\",\"localityCode\":\"30337\",\"reasons\":[],"
                + "\"returnedAt\":\"2025-07-15T03:00:00Z\",\"returnedBy\":\"vpdp\"}";

        assertThat(validate(EventType.NOTIFICATION_SENT, unknownChannel))
                .singleElement().asString().contains("$.channel");
        assertThat(validate(EventType.DOSSIER_RETURNED, noReasons))
                .singleElement().asString().contains("$.reasons");
    }

    @Test
    void scoreMustHaveAtMostTwoDecimalsAndStayWithinTheHundredPointSheet() {
        String json = text(EventSamples.productScored());

        assertThat(validate(EventType.PRODUCT_SCORED, json.replace("71.50", "71.55"))).isEmpty();
        assertThat(validate(EventType.PRODUCT_SCORED, json.replace("71.50", "71.555")))
                .singleElement().asString().contains("$.score");
        assertThat(validate(EventType.PRODUCT_SCORED, json.replace("71.50", "100.01")))
                .singleElement().asString().contains("$.score");
    }

    @Test
    void unknownExtraFieldIsAccepted() {
        String json = text(EventSamples.dossierSubmitted())
                .replaceFirst("\\{", "{\"priority\":\"cao\",")
                .replace("\"productGroup\":", "\"subGroup\":\"Thực phẩm chế biến\",\"productGroup\":");

        assertThat(validate(EventType.DOSSIER_SUBMITTED, json)).isEmpty();
    }

    @Test
    void explicitNullForANullableFieldIsAccepted() {
        String json = text(EventSamples.notificationSent())
                .replace("\"reference\":\"" + EventSamples.ROUND_ID + "\"", "\"reference\":null");

        assertThat(validate(EventType.NOTIFICATION_SENT, json)).isEmpty();
    }

    @Test
    void nullForARequiredFieldIsAViolation() {
        String json = text(EventSamples.dossierWithdrawn())
                .replace("\"localityCode\":\"" + EventSamples.LOCALITY_TAN_CHAU + "\"", "\"localityCode\":null");

        assertThat(validate(EventType.DOSSIER_WITHDRAWN, json))
                .singleElement().asString().contains("$.localityCode");
    }

    @Test
    void bodyThatIsNotJsonIsAViolationNotAnException() {
        assertThat(validate(EventType.DOSSIER_WITHDRAWN, "{\"dossierId\":")).singleElement().asString()
                .startsWith("$: not valid JSON");
        assertThat(EventSchemas.validate(EventType.DOSSIER_WITHDRAWN, new byte[0])).containsExactly("$: empty body");
    }

    @Test
    void unknownTypeIsRefused() {
        assertThatThrownBy(() -> EventSchemas.validate("vn.ocop.dossier.archived.v1", "{}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vn.ocop.dossier.archived.v1");
    }

    @Test
    void requireValidThrowsWithTheViolations() {
        String json = text(EventSamples.productRated()).replace("\"stars\":4", "\"stars\":6");

        assertThatThrownBy(() -> EventSchemas.requireValid(EventType.PRODUCT_RATED, bytes(json)))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("vn.ocop.evaluation.product-rated.v1")
                .hasMessageContaining("$.stars");
    }

    @Test
    void validatesConcurrentlyWithConsistentResults() throws Exception {
        Map<EventType, OcopEvent> samples = EventSamples.all();
        byte[] invalid = bytes(text(EventSamples.productRated()).replace("\"stars\":4", "\"stars\":6"));
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            EventType type = EventType.values()[i % EventType.values().length];
            byte[] valid = EventJson.write(samples.get(type));
            tasks.add(() -> EventSchemas.validate(type, valid).isEmpty()
                    && EventSchemas.validate(EventType.PRODUCT_RATED, invalid).size() == 1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> validate(EventType type, String json) {
        return EventSchemas.validate(type.ceType(), bytes(json));
    }

    private static String withoutField(OcopEvent event, String field) {
        String json = text(event);
        assertThat(json).contains(field);
        return json.replace(field, "");
    }

    private static String text(OcopEvent event) {
        return new String(EventJson.write(event), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
