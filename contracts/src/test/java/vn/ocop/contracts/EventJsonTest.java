package vn.ocop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.ProductScored;

class EventJsonTest {

    @Test
    void writesIsoDatesAndInstantsAndScoresAsPlainNumbers() {
        String json = text(EventJson.write(EventSamples.productRated()));

        assertThat(json)
                .contains("\"validFrom\":\"2025-09-01\"")
                .contains("\"validUntil\":\"2028-09-01\"")
                .contains("\"ratedAt\":\"2025-09-01T07:00:00Z\"")
                .contains("\"score\":71.50")
                .contains("\"stars\":4")
                .contains("\"level\":\"PROVINCE\"");
    }

    @Test
    void writesVietnameseTextAsUtf8() {
        byte[] json = EventJson.write(EventSamples.dossierSubmitted());

        assertThat(text(json)).contains("\"name\":\"HTX Nông nghiệp Phú Hòa\"", "\"Lạp xưởng bò Tân Châu\"");
    }

    @Test
    void scoresAreNormalisedToTwoDecimalsSoEqualityIsStable() {
        var scored = new ProductScored("c", "d", "s", new BigDecimal("85.5"), 7, EventSamples.NOW);

        assertThat(scored.score()).isEqualTo(new BigDecimal("85.50"));
        assertThat(text(EventJson.write(scored))).contains("\"score\":85.50");
        assertThat(EventJson.read(
                "{\"caseId\":\"c\",\"dossierId\":\"d\",\"sessionId\":\"s\",\"score\":85.5,\"memberCount\":7,\"scoredAt\":\"2025-07-10T02:30:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8), ProductScored.class))
                .isEqualTo(scored);
    }

    @Test
    void ignoresUnknownPropertiesOnRead() {
        String json = text(EventJson.write(EventSamples.dossierWithdrawn()))
                .replaceFirst("\\{", "{\"addedInALaterV1\":{\"nested\":[1,2]},\"channel\":\"web\",");

        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), DossierWithdrawn.class))
                .isEqualTo(EventSamples.dossierWithdrawn());
    }

    @Test
    void readsAnAbsentNullableFieldAsNull() {
        String json = "{\"dossierId\":\"d-1\",\"localityCode\":\"30337\",\"withdrawnAt\":\"2025-07-20T09:45:00Z\","
                + "\"withdrawnBy\":\"can-bo\"}";

        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), DossierWithdrawn.class).reason()).isNull();
    }

    @Test
    void malformedJsonIsAnEventFormatException() {
        assertThatThrownBy(() -> EventJson.read("{\"dossierId\":".getBytes(StandardCharsets.UTF_8),
                DossierWithdrawn.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("Cannot read DossierWithdrawn");
    }

    @Test
    void wrongTypeIsAnEventFormatExceptionNamingTheField() {
        String json = text(EventJson.write(EventSamples.productRated())).replace("\"stars\":4", "\"stars\":\"bốn\"");

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), ProductRated.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("Cannot read ProductRated at $.stars:");
    }

    @Test
    void unknownEnumValueIsAnEventFormatException() {
        String json = text(EventJson.write(EventSamples.dossierSubmitted()))
                .replace("\"COOPERATIVE\"", "\"STATE_FARM\"");

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), DossierSubmitted.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("STATE_FARM")
                .hasMessageContaining(" at $.entity.type:");
    }

    @Test
    void scoreWithMoreThanTwoDecimalsIsRefused() {
        String json = "{\"caseId\":\"c\",\"dossierId\":\"d\",\"sessionId\":\"s\",\"score\":69.995,\"memberCount\":7,"
                + "\"scoredAt\":\"2025-07-10T02:30:00Z\"}";

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), ProductScored.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("at most 2 decimals: 69.995");
    }

    @Test
    void missingRequiredListOrPrimitiveIsAnEventFormatExceptionNotASilentDefault() {
        String noReasons = "{\"dossierId\":\"d\",\"localityCode\":\"30337\",\"returnedAt\":\"2025-07-15T03:00:00Z\","
                + "\"returnedBy\":\"vpdp\"}";
        String noMemberCount = "{\"caseId\":\"c\",\"dossierId\":\"d\",\"sessionId\":\"s\",\"score\":70,"
                + "\"scoredAt\":\"2025-07-10T02:30:00Z\"}";

        assertThatThrownBy(() -> EventJson.read(noReasons.getBytes(StandardCharsets.UTF_8), DossierReturned.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("reasons is required");
        assertThatThrownBy(() -> EventJson.read(noMemberCount.getBytes(StandardCharsets.UTF_8), ProductScored.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("$.memberCount");
    }

    @Test
    void readsTheRecordRegisteredForAType() {
        byte[] json = EventJson.write(EventSamples.dossierReturned());

        assertThat(EventJson.read(json, EventType.DOSSIER_RETURNED))
                .isInstanceOf(DossierReturned.class)
                .isEqualTo(EventSamples.dossierReturned());
    }

    @Test
    void emptyBodyIsAnEventFormatException() {
        assertThatThrownBy(() -> EventJson.read(new byte[0], ProductScored.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("empty");
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
