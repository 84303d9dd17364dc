package vn.ocop.gateway.edge;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Per-route health: whether each route's backend answers its readiness probe. Shown at
 * {@code /actuator/health/routes}; not part of the gateway's own readiness, so one service being down does
 * not take the front door out of the load balancer.
 */
@Component("routes")
public class RoutesHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private final RouteLocator routes;
    private final WebClient client = WebClient.create();

    public RoutesHealthIndicator(RouteLocator routes) {
        super("Route health check failed");
        this.routes = routes;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return routes.getRoutes()
                .filter(route -> "http".equals(route.getUri().getScheme()))
                .flatMap(route -> probe(route.getUri()).map(up -> Map.entry(route.getId(), up)))
                .collectList()
                .map(results -> {
                    Map<String, String> details = new LinkedHashMap<>();
                    results.forEach(result -> details.put(result.getKey(), result.getValue() ? "UP" : "DOWN"));
                    boolean allUp = results.stream().allMatch(Map.Entry::getValue);
                    return (allUp ? builder.up() : builder.down()).withDetails(details).build();
                });
    }

    private Mono<Boolean> probe(URI backend) {
        return client.get().uri(backend.resolve("/actuator/health/readiness"))
                .exchangeToMono(response -> Mono.just(response.statusCode().is2xxSuccessful()))
                .timeout(PROBE_TIMEOUT)
                .onErrorReturn(false);
    }

    Flux<String> routeIds() {
        return routes.getRoutes().map(route -> route.getId());
    }
}
