package vn.ocop.chassis.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

class TraceContextTest {

    @AfterEach
    void clear() {
        TraceContext.end();
    }

    @Test
    void newTraceparentsAreWellFormedVersion00SampledAndDistinct() {
        Set<String> traceIds = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String traceparent = TraceContext.newTraceparent();
            assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("-0000000000000000-");
            assertThat(TraceContext.isValid(traceparent)).isTrue();
            traceIds.add(traceparent.substring(3, 35));
        }
        assertThat(traceIds).hasSize(10_000);
    }

    @Test
    void beginContinuesAValidTraceparentAndReplacesAnInvalidOne() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        assertThat(TraceContext.begin(incoming)).isEqualTo(incoming);
        assertThat(MDC.get(TraceContext.MDC_TRACE_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

        String zeroTraceId = "00-00000000000000000000000000000000-00f067aa0ba902b7-01";
        String replaced = TraceContext.begin(zeroTraceId);
        assertThat(replaced).isNotEqualTo(zeroTraceId);
        assertThat(TraceContext.isValid(replaced)).isTrue();
        assertThat(MDC.get(TraceContext.MDC_TRACEPARENT)).isEqualTo(replaced);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0", // too short
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-011", // too long
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01", // separator
            "0-04bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // field boundaries moved
            "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01", // not hex
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0\u0661", // a non-ASCII digit
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01" // all-zero trace id
    })
    void malformedTraceparentsAreInvalid(String traceparent) {
        assertThat(TraceContext.isValid(traceparent)).isFalse();
    }

    @Test
    void aTraceIdWithZerosButOneDigitIsValid() {
        assertThat(TraceContext.isValid("00-00000000000000000000000000000001-00f067aa0ba902b7-01")).isTrue();
        assertThat(TraceContext.isValid("ff-10000000000000000000000000000000-0000000000000000-00")).isTrue();
    }
}
