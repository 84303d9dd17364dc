package vn.ocop.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import vn.ocop.chassis.sample.SampleApplication;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

@OcopInfraTest
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ocop.outbox.relay.enabled=false",
                "spring.cloud.stream.bindings.sampleEvents-in-0.consumer.auto-startup=false"})
@DirtiesContext
class IdempotencyKeyTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseWithoutRunningTheRequestAgain() throws Exception {
        String counter = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = increment(counter, key, TestTokens.provinceOfficer(), "{\"note\":\"lần đầu\"}");
        HttpResponse<String> retry = increment(counter, key, TestTokens.provinceOfficer(), "{\"note\":\"lần đầu\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"value\":1", "lần đầu");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(increment(counter, UUID.randomUUID().toString(), TestTokens.provinceOfficer(), "{\"note\":\"x\"}")
                .body()).as("a new key is a new request").contains("\"value\":2");
        assertThat(increment(counter, null, TestTokens.provinceOfficer(), "{\"note\":\"x\"}").body())
                .as("without a key every call runs").contains("\"value\":3");
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() throws Exception {
        String counter = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        increment(counter, key, TestTokens.provinceOfficer(), "{\"note\":\"a\"}");
        HttpResponse<String> reused = increment(counter, key, TestTokens.provinceOfficer(), "{\"note\":\"b\"}");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("idempotency.key-reused");
    }

    @Test
    void keysBelongToTheirCaller() throws Exception {
        String counter = "c-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        increment(counter, key, TestTokens.localityOfficer("883"), "{\"note\":\"a\"}");
        HttpResponse<String> otherCaller = increment(counter, key, TestTokens.localityOfficer("884"), "{\"note\":\"a\"}");
        assertThat(otherCaller.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(otherCaller.body()).contains("\"value\":2");
    }

    @Test
    void aRetryWhileTheFirstCallStillRunsIsTold409AndWhenToComeBack() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpRequest slow = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sample/slow"))
                .header("Authorization", "Bearer " + TestTokens.provinceOfficer())
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build();
        var first = http.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> retry = http.send(slow, HttpResponse.BodyHandlers.ofString());
                assertThat(retry.statusCode()).isEqualTo(409);
                assertThat(retry.body()).contains("idempotency.in-progress");
                assertThat(Integer.parseInt(retry.headers().firstValue("Retry-After").orElseThrow()))
                        .as("seconds until the first call's claim expires").isBetween(30, 61);
            });
        } finally {
            vn.ocop.chassis.sample.SampleController.SLOW_CALLS.countDown();
        }
        assertThat(first.get().statusCode()).isEqualTo(200);
        HttpResponse<String> afterwards = http.send(slow, HttpResponse.BodyHandlers.ofString());
        assertThat(afterwards.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void aMalformedKeyIsA400Problem() throws Exception {
        HttpResponse<String> response = increment("c-" + UUID.randomUUID(), "two words", TestTokens.provinceOfficer(),
                "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private HttpResponse<String> increment(String counter, String key, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/sample/counters/" + counter + "/increments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
