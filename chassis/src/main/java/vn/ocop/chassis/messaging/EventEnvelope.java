package vn.ocop.chassis.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import vn.ocop.contracts.IsoInstants;

/** The CloudEvents attributes of a received record, read from its Kafka headers, and its raw JSON body. */
public record EventEnvelope(
        String id,
        String type,
        String source,
        String subject,
        long sequence,
        Instant time,
        String traceparent,
        byte[] payload) {

    /** Reads the envelope from message headers whose values are {@code byte[]} (raw Kafka) or strings. */
    public static EventEnvelope from(Map<String, ?> headers, byte[] payload) {
        String specVersion = optional(headers, CloudEventHeaders.SPEC_VERSION);
        if (specVersion != null && !CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new PoisonMessageException("unsupported CloudEvents specversion " + specVersion);
        }
        String sequence = required(headers, CloudEventHeaders.SEQUENCE);
        String time = optional(headers, CloudEventHeaders.TIME);
        try {
            return new EventEnvelope(
                    required(headers, CloudEventHeaders.ID),
                    required(headers, CloudEventHeaders.TYPE),
                    required(headers, CloudEventHeaders.SOURCE),
                    required(headers, CloudEventHeaders.SUBJECT),
                    CloudEventHeaders.parseSequence(sequence),
                    time == null ? null : IsoInstants.parse(time),
                    optional(headers, CloudEventHeaders.TRACEPARENT),
                    payload == null ? new byte[0] : payload);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new PoisonMessageException("malformed CloudEvents header: " + e.getMessage());
        }
    }

    private static String required(Map<String, ?> headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("missing CloudEvents header " + name);
        }
        return value;
    }

    private static String optional(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        return value.toString();
    }
}
