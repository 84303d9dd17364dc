package vn.ocop.gateway.edge;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Every request gets a W3C trace context, continued from the caller's {@code traceparent} when valid: the
 * same value goes to the service (which puts it on its events) and back to the caller, so one id follows a
 * request through the gateway, the service, Kafka and the consumers' logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceparentFilter implements WebFilter {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String traceparent = incoming != null && VALID.matcher(incoming).matches() ? incoming : newTraceparent();
        ServerWebExchange traced = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, traceparent))).build();
        traced.getResponse().getHeaders().set(HEADER, traceparent);
        return chain.filter(traced);
    }

    /** Random ids from {@link ThreadLocalRandom}: a trace id must be unique, not unguessable (it travels in clear). */
    static String newTraceparent() {
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
