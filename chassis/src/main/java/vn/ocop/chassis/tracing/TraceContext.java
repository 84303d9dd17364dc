package vn.ocop.chassis.tracing;

import java.security.SecureRandom;
import java.util.HexFormat;
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
    private static final SecureRandom RANDOM = new SecureRandom();

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

    public static String newTraceparent() {
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        RANDOM.nextBytes(traceId);
        RANDOM.nextBytes(spanId);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
    }
}
