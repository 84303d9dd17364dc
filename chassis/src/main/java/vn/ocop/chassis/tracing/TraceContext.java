package vn.ocop.chassis.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * The W3C trace context of the work in progress on this thread: taken from the incoming HTTP request or
 * Kafka record, created when there is none, copied onto every event and response. Kept in the logging MDC
 * so that log lines carry the trace id.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    public static final String MDC_TRACEPARENT = "traceparent";
    public static final String MDC_TRACE_ID = "traceId";

    private static final Pattern VALID = Pattern.compile("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");

    private TraceContext() {
    }

    /** Continues the given traceparent when it is well formed, otherwise starts a new trace. */
    public static String begin(String incoming) {
        String traceparent = isValid(incoming) ? incoming : newTraceparent();
        MDC.put(MDC_TRACEPARENT, traceparent);
        MDC.put(MDC_TRACE_ID, traceparent.substring(3, 35));
        return traceparent;
    }

    public static void end() {
        MDC.remove(MDC_TRACEPARENT);
        MDC.remove(MDC_TRACE_ID);
    }

    public static String currentOrNew() {
        String current = MDC.get(MDC_TRACEPARENT);
        return isValid(current) ? current : newTraceparent();
    }

    public static boolean isValid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches()
                && !traceparent.substring(3, 35).equals("0".repeat(32));
    }

    /**
     * A new trace with random ids. Trace ids correlate log lines and are sent in clear on every message: they need
     * to be unique, not unguessable, so they come from {@link ThreadLocalRandom} (as OpenTelemetry's id generator
     * does) rather than from a SecureRandom, whose shared generator every request and consumed event would queue on.
     */
    public static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long traceHigh;
        long traceLow;
        long spanId;
        do {
            traceHigh = random.nextLong();
            traceLow = random.nextLong();
            spanId = random.nextLong();
        } while ((traceHigh == 0 && traceLow == 0) || spanId == 0); // all-zero ids are invalid
        HexFormat hex = HexFormat.of();
        return "00-" + hex.toHexDigits(traceHigh) + hex.toHexDigits(traceLow) + "-" + hex.toHexDigits(spanId) + "-01";
    }
}
