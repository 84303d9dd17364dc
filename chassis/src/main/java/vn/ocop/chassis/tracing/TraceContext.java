package vn.ocop.chassis.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

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

    /** {@code version-traceid-spanid-flags}: 2, 32, 16 and 2 lowercase hex digits. */
    private static final int LENGTH = 55;
    private static final int TRACE_ID_START = 3;
    private static final int TRACE_ID_END = 35;
    private static final int SPAN_ID_END = 52;

    private TraceContext() {
    }

    /** Continues the given traceparent when it is well formed, otherwise starts a new trace. */
    public static String begin(String incoming) {
        String traceparent = isValid(incoming) ? incoming : newTraceparent();
        MDC.put(MDC_TRACEPARENT, traceparent);
        MDC.put(MDC_TRACE_ID, traceparent.substring(TRACE_ID_START, TRACE_ID_END));
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

    /**
     * Whether a traceparent is well formed, with a trace id that is not all zeros. Checked character by character
     * rather than with a regular expression: every consumed record and request passes here.
     */
    public static boolean isValid(String traceparent) {
        if (traceparent == null || traceparent.length() != LENGTH) {
            return false;
        }
        boolean zeroTraceId = true;
        for (int i = 0; i < LENGTH; i++) {
            char c = traceparent.charAt(i);
            if (i == TRACE_ID_START - 1 || i == TRACE_ID_END || i == SPAN_ID_END) {
                if (c != '-') {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            } else if (c != '0' && i >= TRACE_ID_START && i < TRACE_ID_END) {
                zeroTraceId = false;
            }
        }
        return !zeroTraceId;
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
