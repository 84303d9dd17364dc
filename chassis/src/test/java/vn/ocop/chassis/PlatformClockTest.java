package vn.ocop.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.chassis.sample.SampleApplication;
import vn.ocop.chassis.time.PlatformClock;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

/**
 * The platform clock of a service started on 8 June 2020 (as the system tests replay the 2020 programme): business
 * time moves only forward through the admin API, while idempotency keys keep expiring on real time.
 */
@OcopInfraTest
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ocop.outbox.relay.enabled=false",
                "spring.cloud.stream.bindings.sampleEvents-in-0.consumer.auto-startup=false",
                "ocop.clock.start=2020-06-08T08:00:00+07:00", "ocop.clock.adjustable=true"})
@DirtiesContext
class PlatformClockTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    MongoOperations mongo;

    @Test
    void theServiceStartsOnTheConfiguredDateAndKeepsTicking() {
        Instant first = clock.instant();
        assertThat(first).as("started on 8 June 2020 (another test may have moved it a few weeks on)")
                .isBetween(Instant.parse("2020-06-08T01:00:00Z"), Instant.parse("2020-07-01T00:00:00Z"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> clock.instant().isAfter(first));
    }

    @Test
    void anOfficerMovesTheClockForwardButNeverBack() throws Exception {
        HttpResponse<String> moved = call("PUT", TestTokens.provinceOfficer(), "{\"now\":\"2020-06-26T08:00:00+07:00\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        Instant now = Instant.parse(JSON.readTree(moved.body()).get("now").asString());
        assertThat(now).isBetween(Instant.parse("2020-06-26T01:00:00Z"), Instant.parse("2020-06-26T01:01:00Z"));
        assertThat(clock.instant()).isAfterOrEqualTo(now);

        HttpResponse<String> back = call("PUT", TestTokens.provinceOfficer(), "{\"now\":\"2020-06-09T08:00:00+07:00\"}");
        assertThat(back.statusCode()).isEqualTo(409);
        assertThat(back.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(back.body()).contains("clock.backwards");
        assertThat(clock.instant()).isAfter(Instant.parse("2020-06-26T01:00:00Z"));

        JsonNode current = JSON.readTree(call("GET", TestTokens.provinceOfficer(), null).body());
        assertThat(Instant.parse(current.get("now").asString())).isAfter(Instant.parse("2020-06-26T01:00:00Z"));
    }

    @Test
    void badTimesAndOtherRolesAreRefused() throws Exception {
        for (String body : new String[] {"{}", "{\"now\":\"26/06/2020\"}", "{\"now\":\"2020-06-26T08:00:00\"}",
                "{\"now\":42}"}) {
            HttpResponse<String> refused = call("PUT", TestTokens.provinceOfficer(), body);
            assertThat(refused.statusCode()).as(body).isEqualTo(422);
            assertThat(refused.body()).contains("clock.invalid", "\"field\":\"now\"");
        }
        assertThat(call("PUT", TestTokens.localityOfficer("AG-TT"), "{\"now\":\"2030-01-01T00:00:00Z\"}").statusCode())
                .isEqualTo(403);
        assertThat(call("GET", null, null).statusCode()).isEqualTo(401);
        assertThat(clock.instant()).isBefore(Instant.parse("2021-01-01T00:00:00Z"));
    }

    @Test
    void idempotencyKeysExpireOnRealTimeWhateverTheBusinessDate() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sample/counters/c-"
                        + UUID.randomUUID() + "/increments"))
                .header("Authorization", "Bearer " + TestTokens.provinceOfficer())
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"ngày 8/6/2020\"}")).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);

        java.util.List<Document> stored = mongo.getCollection("idempotency_keys").find().into(new java.util.ArrayList<>());
        assertThat(stored).as("the key was stored").isNotEmpty();
        assertThat(stored).extracting(document -> document.get("expiresAt", Date.class).toInstant())
                .as("a key stored on the business date would be deleted by MongoDB's TTL monitor at once")
                .allMatch(expiresAt -> expiresAt.isAfter(Instant.now().plus(Duration.ofHours(23))));
    }

    @Test
    void theClockRefusesToGoBackInItsOwnApi() {
        PlatformClock platform = new PlatformClock(Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC),
                OffsetDateTime.parse("2020-06-08T08:00:00+07:00").toInstant());
        assertThat(platform.instant()).isEqualTo(Instant.parse("2020-06-08T01:00:00Z"));
        assertThat(platform.moveTo(Instant.parse("2020-07-11T01:00:00Z"))).isEqualTo("2020-07-11T01:00:00Z");
        assertThatThrownBy(() -> platform.moveTo(Instant.parse("2020-07-10T01:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(platform.instant()).isEqualTo(Instant.parse("2020-07-11T01:00:00Z"));
        assertThat(platform.moveTo(Instant.parse("2026-11-28T00:00:00Z"))).isEqualTo("2026-11-28T00:00:00Z");
        assertThat(platform.offset()).isZero();
    }

    private HttpResponse<String> call(String method, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/clock"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
