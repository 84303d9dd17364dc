package vn.ocop.chassis.messaging;

/**
 * CloudEvents 1.0 binary-mode Kafka header names used on every OCOP topic, plus W3C {@code traceparent}.
 * {@code ce_sequence} follows the CloudEvents sequence extension: a string whose lexicographic order is the
 * event order, hence zero-padded decimal.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SEQUENCE = "ce_sequence";
    public static final String CONTENT_TYPE = "content-type";
    /** W3C trace context as OpenTelemetry's Kafka instrumentation reads it. */
    public static final String TRACEPARENT = "traceparent";
    /** The same value as the CloudEvents distributed-tracing extension attribute. */
    public static final String CE_TRACEPARENT = "ce_traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    public static String formatSequence(long sequence) {
        return String.format("%019d", sequence);
    }

    public static long parseSequence(String sequence) {
        return Long.parseLong(sequence.trim());
    }
}
