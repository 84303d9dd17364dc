package vn.ocop.gateway.edge;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request it will not (circuit open) or could not (backend down, too
 * slow) forward: 503 problem+json with {@code Retry-After}, or 504 when the backend was too slow.
 */
@RestController
public class FallbackController {

    static final String RETRY_AFTER_SECONDS = "10";
    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    private final Problems problems;

    public FallbackController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/{service}")
    public Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.empty();
        }
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        if (cause != null && !(cause instanceof CallNotPermittedException)) {
            // what opens the breaker; once it is open, refusals are not logged one by one
            java.util.Set<java.net.URI> asked = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
            log.warn("{} {} to {} failed: {}", exchange.getRequest().getMethod(),
                    asked == null || asked.isEmpty() ? "" : asked.iterator().next().getPath(), service, cause.toString());
        }
        if (cause instanceof TimeoutException) {
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "gateway.timeout", service);
        }
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "gateway.service-unavailable", service);
    }
}
