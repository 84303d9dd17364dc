package vn.ocop.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.ocop.contracts.notification.NotificationChannel;
import vn.ocop.contracts.notification.NotificationSent;

class EventRoundTripTest {

    private static final Map<EventType, OcopEvent> SAMPLES = EventSamples.all();

    @Test
    void everyTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleIsValidAgainstItsSchemaAndReadsBackEqual(EventType type) {
        OcopEvent sample = SAMPLES.get(type);

        byte[] json = EventJson.write(sample);

        assertThat(EventSchemas.validate(type.ceType(), json)).isEmpty();
        assertThat(EventJson.read(json, type.payloadClass())).isEqualTo(sample);
        assertThat(EventJson.read(json, type)).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theTreeAConsumerChecksMapsToTheSameRecordAsTheBytes(EventType type) {
        byte[] json = EventJson.write(SAMPLES.get(type));

        var tree = EventSchemas.parse(json);

        assertThat(EventSchemas.validate(type, tree)).isEmpty();
        assertThat(EventJson.read(tree, type)).isEqualTo(SAMPLES.get(type)).isEqualTo(EventJson.read(json, type));
    }

    @Test
    void nullableFieldsMayBeNull() {
        var household = EventSamples.householdDossierWithoutTaxCode();

        byte[] json = EventJson.write(household);

        assertThat(EventSchemas.validate(EventType.DOSSIER_SUBMITTED, json)).isEmpty();
        assertThat(EventJson.read(json, household.getClass())).isEqualTo(household);
    }

    @Test
    void instantsKeepSubMillisecondPrecisionAndStayValid() {
        var withNanos = new NotificationSent("tb-1", NotificationChannel.IN_APP, "can-bo.phu-hoa", "ROUND_OPENED", null,
                Instant.parse("2025-07-10T02:30:00.123456789Z"));

        byte[] json = EventJson.write(withNanos);

        assertThat(EventSchemas.validate(EventType.NOTIFICATION_SENT, json)).isEmpty();
        assertThat(EventJson.read(json, NotificationSent.class)).isEqualTo(withNanos);
        assertThat(EventJson.read(EventSchemas.parse(json), EventType.NOTIFICATION_SENT)).isEqualTo(withNanos);
    }
}
