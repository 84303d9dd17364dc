package vn.ocop.gateway.edge;

import java.security.SecureRandom;
import java.util.HexFormat;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String traceparent = incoming != null && VALID.matcher(incoming).matches() ? incoming : newTraceparent();
        ServerWebExchange traced = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, traceparent))).build();
        traced.getResponse().getHeaders().set(HEADER, traceparent);
        return chain.filter(traced);
    }

    static String newTraceparent() {
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        RANDOM.nextBytes(traceId);
        RANDOM.nextBytes(spanId);
        return "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
    }
}
