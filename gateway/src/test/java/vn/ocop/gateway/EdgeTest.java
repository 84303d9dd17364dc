package vn.ocop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

/**
 * The gateway in front of real HTTP backends: which calls pass the edge, what a caller sees when a backend is
 * down or slow, and the limits that protect the platform. Every error must be problem+json.
 */
@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ocop.gateway.rate-limit.requests-per-second=40",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
        "ocop.gateway.response-timeout-ms.evaluation=700"})
class EdgeTest {

    private static final Backend DOSSIER = start();
    private static final Backend EVALUATION = start();
    private static final Backend REPORTING = start();
    private static final Backend NOTIFICATION = start();
    private static final Backend IDENTITY = start();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("OCOP_DOSSIER_URI", DOSSIER::url);
        registry.add("OCOP_EVALUATION_URI", EVALUATION::url);
        registry.add("OCOP_REPORTING_URI", REPORTING::url);
        registry.add("OCOP_NOTIFICATION_URI", NOTIFICATION::url);
        registry.add("OCOP_IDENTITY_URI", IDENTITY::url);
    }

    @AfterAll
    static void stopBackends() {
        List.of(DOSSIER, EVALUATION, REPORTING, NOTIFICATION, IDENTITY).forEach(Backend::stop);
    }

    /** One row per route: a path through the gateway, the path the service must receive, and whether it is public. */
    record Route(String path, String forwardedTo, boolean isPublic) {
    }

    static final List<Route> ROUTES = List.of(
            new Route("/api/dossier/dossiers?status=SUBMITTED", "/dossiers", false),
            new Route("/api/evaluation/rounds", "/rounds", false),
            new Route("/api/reporting/statistics", "/statistics", false),
            new Route("/api/reporting/catalogue/products", "/catalogue/products", true),
            new Route("/api/notification/inbox", "/inbox", false),
            new Route("/api/identity/accounts/me", "/api/accounts/me", false),
            new Route("/oauth2/jwks", "/oauth2/jwks", true),
            new Route("/.well-known/openid-configuration", "/.well-known/openid-configuration", true));

    /** Callers: a name, a token (null = none) and whether the token is genuine. */
    static final Map<String, Supplier<String>> VALID_CALLERS = Map.of(
            "province officer", TestTokens::provinceOfficer,
            "locality officer of Tân Châu", () -> TestTokens.localityOfficer("887"),
            "council member", () -> TestTokens.councilMember("hoidong1"),
            "department officer", () -> TestTokens.departmentOfficer("SO-NNPTNT"),
            "machine client", () -> TestTokens.machineClient("demo-catalogue", "catalogue.read"));
    static final Map<String, Supplier<String>> INVALID_CALLERS = Map.of(
            "expired token", TestTokens::expired,
            "tampered token", TestTokens::tampered,
            "token of another issuer", TestTokens::wrongIssuer,
            "token signed by another key", TestTokens::signedByOtherKey);

    @Test
    void edgeAuthorizationMatrix() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Route route : ROUTES) {
            expect(failures, route, "anonymous", null, route.isPublic() ? 200 : 401);
            for (var caller : VALID_CALLERS.entrySet()) {
                expect(failures, route, caller.getKey(), caller.getValue().get(), 200);
            }
            for (var caller : INVALID_CALLERS.entrySet()) {
                expect(failures, route, caller.getKey(), caller.getValue().get(), 401);
            }
        }
        assertThat(failures).isEmpty();
    }

    private void expect(List<String> failures, Route route, String caller, String token, int expected)
            throws Exception {
        HttpResponse<String> response = call("GET", route.path(), token, null, null);
        if (response.statusCode() != expected) {
            failures.add(route.path() + " as " + caller + ": expected " + expected + ", got " + response.statusCode());
        } else if (expected == 200 && !response.body().contains("\"path\":\"" + route.forwardedTo() + "\"")) {
            failures.add(route.path() + " as " + caller + ": forwarded wrongly: " + response.body());
        } else if (expected == 401) {
            assertProblem(response, 401, "auth.unauthenticated");
        }
    }

    @Test
    void tokenAndTraceReachTheServiceAndTheTraceComesBack() throws Exception {
        String trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/dossier/dossiers"))
                .header("Authorization", "Bearer " + TestTokens.provinceOfficer())
                .header("traceparent", trace).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"authorization\":true", trace, "Lạp xưởng bò Tân Châu");
        assertThat(response.headers().firstValue("traceparent")).hasValue(trace);

        HttpResponse<String> untraced = call("GET", "/api/dossier/dossiers", TestTokens.provinceOfficer(), null, null);
        assertThat(untraced.headers().firstValue("traceparent").orElseThrow()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void circuitOpensWhenABackendStopsAndClosesWhenItReturns() throws Exception {
        String token = TestTokens.provinceOfficer();
        NOTIFICATION.stop();
        try {
            HttpResponse<String> down = call("GET", "/api/notification/inbox", token, null, null);
            assertProblem(down, 503, "gateway.service-unavailable");
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            CircuitBreaker breaker = circuitBreakers.circuitBreaker("notification-service");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                call("POST", "/api/notification/inbox/read", token, "{}", "application/json");
                assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            });
            int before = NOTIFICATION.requests();
            assertProblem(call("GET", "/api/notification/inbox", token, null, null), 503, "gateway.service-unavailable");
            assertThat(NOTIFICATION.requests()).as("an open circuit does not call the backend").isEqualTo(before);
        } finally {
            NOTIFICATION.start();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(call("GET", "/api/notification/inbox", token, null, null).statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            call("GET", "/api/notification/inbox", token, null, null);
            assertThat(circuitBreakers.circuitBreaker("notification-service").getState())
                    .isEqualTo(CircuitBreaker.State.CLOSED);
        });
    }

    @Test
    void aServicesOwn503IsPassedOnAtOnceNotRetried() throws Exception {
        REPORTING.answer(503);
        try {
            int before = REPORTING.requests();
            HttpResponse<String> response = call("GET", "/api/reporting/statistics", TestTokens.provinceOfficer(),
                    null, null);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(REPORTING.requests() - before).as("calls reaching the service").isEqualTo(1);
        } finally {
            REPORTING.answer(200);
        }
    }

    @Test
    void aBackendSlowerThanItsRouteTimeoutIsA504Problem() throws Exception {
        EVALUATION.slow(3_000);
        try {
            HttpResponse<String> slow = call("POST", "/api/evaluation/rounds", TestTokens.provinceOfficer(), "{}",
                    "application/json");
            assertThat(slow.statusCode()).isIn(503, 504);
            assertThat(slow.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        } finally {
            EVALUATION.slow(0);
        }
    }

    @Test
    void aBurstOfSlowButAnsweringCallsIsForwardedNotRefusedAtTheEdge() {
        DOSSIER.slow(600);
        try {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String token = TestTokens.localityOfficer(String.valueOf(880 + i % 6));
                burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/dossier/dossiers/d-" + i + "/submit"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            assertThat(burst.stream().map(CompletableFuture::join).map(HttpResponse::statusCode))
                    .as("60 calls at once, each answered in 0.6 s: none refused by the breaker's bulkhead")
                    .containsOnly(200);
            assertThat(circuitBreakers.circuitBreaker("dossier-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        } finally {
            DOSSIER.slow(0);
        }
    }

    @Test
    void aClientOverItsBudgetGets429WithRetryAfter() throws Exception {
        String token = TestTokens.localityOfficer("891");
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            responses.add(call("GET", "/api/reporting/statistics", token, null, null));
        }
        HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertProblem(limited, 429, "gateway.rate-limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(call("GET", "/api/reporting/statistics", TestTokens.localityOfficer("890"), null, null).statusCode())
                .as("another client keeps its own budget").isEqualTo(200);
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeReachingTheService() throws Exception {
        int before = DOSSIER.requests();
        String twoMegabytes = "x".repeat(2 * 1024 * 1024);
        HttpResponse<String> response = call("POST", "/api/dossier/dossiers", TestTokens.provinceOfficer(),
                twoMegabytes, "application/json");
        assertProblem(response, 413, "gateway.too-large");
        assertThat(DOSSIER.requests()).isEqualTo(before);
    }

    @Test
    void aPeriodicReportWithItsFiveMegabyteAttachmentPassesTheEdge() throws Exception {
        int before = REPORTING.requests();
        String base64OfFiveMegabytes = "{\"attachment\":{\"contentBase64\":\"" + "QUJD".repeat(5 * 1024 * 1024 / 3)
                + "\"}}";
        HttpResponse<String> response = call("POST", "/api/reporting/report-periods/p1/reports",
                TestTokens.localityOfficer("883"), base64OfFiveMegabytes, "application/json");
        assertThat(response.statusCode()).as(response.body()).isNotEqualTo(413);
        assertThat(REPORTING.requests()).isEqualTo(before + 1);
        HttpResponse<String> tooLarge = call("POST", "/api/reporting/report-periods/p1/reports",
                TestTokens.localityOfficer("883"), "x".repeat(9 * 1024 * 1024), "application/json");
        assertProblem(tooLarge, 413, "gateway.too-large");
    }

    @Test
    void unknownPathsAreProblemsInTheCallersLanguage() throws Exception {
        HttpResponse<String> vietnamese = call("GET", "/api/khong-co", TestTokens.provinceOfficer(), null, null);
        assertProblem(vietnamese, 404, "gateway.no-route");
        assertThat(vietnamese.body()).contains("Không tìm thấy");
        HttpRequest english = HttpRequest.newBuilder(uri("/khong-co")).header("Accept-Language", "en-US,en;q=0.9").build();
        assertThat(http.send(english, HttpResponse.BodyHandlers.ofString()).body()).contains("Not authenticated");
    }

    @Test
    void browsersFromTheWebUiMayCallTheApiAndGetSecurityHeaders() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(uri("/api/dossier/dossiers"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,idempotency-key,content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(uri("/api/dossier/dossiers"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);

        HttpResponse<String> response = call("GET", "/api/dossier/dossiers", TestTokens.provinceOfficer(), null, null);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void healthAndMetricsArePerRoute() throws Exception {
        call("GET", "/api/reporting/statistics", TestTokens.provinceOfficer(), null, null);
        HttpResponse<String> routes = call("GET", "/actuator/health/routes", null, null, null);
        assertThat(routes.body()).contains("\"dossier-service\":\"UP\"", "\"reporting-service\":\"UP\"",
                "\"identity-service\":\"UP\"");
        HttpResponse<String> metrics = call("GET", "/actuator/prometheus", null, null, null);
        assertThat(metrics.body()).contains("spring_cloud_gateway_requests_seconds").contains("routeId=\"reporting-service\"");
        assertThat(metrics.body()).as("a request is measured once, not also filter by filter")
                .doesNotContain("spring_security_");
        assertThat(call("GET", "/actuator/health/readiness", null, null, null).statusCode())
                .as("one backend down does not make the gateway unready").isEqualTo(200);
    }

    @Test
    void swaggerUiListsEveryServicesApi() throws Exception {
        HttpResponse<String> config = call("GET", "/v3/api-docs/swagger-config", null, null, null);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/api/dossier/v3/api-docs", "/api/evaluation/v3/api-docs",
                "/api/reporting/v3/api-docs", "/api/notification/v3/api-docs", "/api/identity/v3/api-docs");
        HttpResponse<String> docs = call("GET", "/api/dossier/v3/api-docs", null, null, null);
        assertThat(docs.body()).contains("\"path\":\"/v3/api-docs\"");
    }

    private HttpResponse<String> call(String method, String path, String token, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status, "\"code\":\"" + code + "\"");
    }

    private static Backend start() {
        try {
            return Backend.started();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
