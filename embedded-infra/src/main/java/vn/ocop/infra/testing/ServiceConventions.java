package vn.ocop.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What every Kafka- and Mongo-backed service must do from its first day, checked over real HTTP: health with
 * Kafka and MongoDB, 401 problem+json without a valid token (missing, tampered, expired, wrong issuer), and
 * problem+json in the caller's language for an unknown path.
 */
public final class ServiceConventions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceConventions() {
    }

    public static void assertHealthyWith(int port, String... components) throws Exception {
        HttpResponse<String> health = get(port, "/actuator/health", null, null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        for (String component : components) {
            assertThat(health.body()).contains("\"" + component + "\":{");
        }
        assertThat(health.body()).doesNotContain("\"DOWN\"");
        assertThat(get(port, "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(get(port, "/actuator/prometheus", null, null).body()).contains("jvm_memory_used_bytes");
    }

    public static void assertRejectsMissingOrBadTokens(int port, String protectedPath) throws Exception {
        for (String token : new String[] {null, TestTokens.tampered(), TestTokens.expired(), TestTokens.wrongIssuer(),
                TestTokens.signedByOtherKey(), "not-a-jwt"}) {
            HttpResponse<String> response = get(port, protectedPath, token, null);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":401").contains("Cần đăng nhập");
        }
    }

    public static void assertProblemInCallersLanguage(int port) throws Exception {
        String token = TestTokens.provinceOfficer();
        HttpResponse<String> vietnamese = get(port, "/khong-co-duong-dan-nay", token, null);
        assertThat(vietnamese.statusCode()).isEqualTo(404);
        assertThat(vietnamese.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(vietnamese.body()).contains("Không tìm thấy");
        HttpResponse<String> english = get(port, "/khong-co-duong-dan-nay", token, "en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Not found");
        assertThat(english.headers().firstValue("traceparent")).isPresent();
    }

    private static HttpResponse<String> get(int port, String path, String token, String language)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
