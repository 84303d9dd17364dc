package vn.ocop.gateway.edge;

import java.security.Principal;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import reactor.core.publisher.Mono;

/**
 * A request budget per client, so that one script or one broken integration cannot starve the others: keyed by
 * the token's subject (a user, or a machine client's id), or by address for anonymous calls. Over budget
 * answers 429 problem+json with {@code Retry-After}. Budgets are per gateway replica.
 */
@Component
public class RateLimitFilter implements WebFilter, org.springframework.core.Ordered {

    private final Problems problems;
    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    public RateLimitFilter(EdgeProperties properties, Problems problems) {
        this.problems = problems;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(properties.rateLimit().requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder().maximumSize(properties.rateLimit().clientsTracked())
                .expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(RateLimitFilter::clientOf)
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(client -> {
                    RateLimiter limiter = limiters.get(client, name -> RateLimiter.of(name, config));
                    if (limiter.acquirePermission()) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "gateway.rate-limited", 1);
                });
    }

    private static String clientOf(Principal principal) {
        if (principal instanceof JwtAuthenticationToken token) {
            return "subject:" + token.getToken().getSubject();
        }
        return "subject:" + principal.getName();
    }

    private static String address(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        // After Spring Security's filter chain (-100), so that the caller is known.
        return 0;
    }
}
