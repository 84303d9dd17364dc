package vn.ocop.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;
import vn.ocop.notification.Api;
import vn.ocop.notification.Events;
import vn.ocop.notification.TestSupportConfiguration.MovableClock;
import vn.ocop.notification.webhooks.domain.WebhookSignature;

@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookDeliveryTest {

    /** A machine client's endpoint that checks every delivery's Standard Webhooks signature. */
    static final class Receiver implements AutoCloseable {
        record Received(String webhookId, String body, boolean signatureValid) {
        }

        final HttpServer server;
        final List<Received> received = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();
        volatile String secret = "whsec_AAAA";

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hooks", exchange -> {
                calls.incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                boolean valid = id != null && timestamp != null && signature != null
                        && WebhookSignature.verify(secret, id, Long.parseLong(timestamp), body, signature);
                int status = failing.get() ? 500 : valid ? 204 : 401;
                if (status == 204) {
                    received.add(new Received(id, body, valid));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** An endpoint that accepts connections and never answers. */
    static final class HangingEndpoint implements AutoCloseable {
        final java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        final List<java.net.Socket> held = new CopyOnWriteArrayList<>();

        HangingEndpoint() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!socket.isClosed()) {
                    try {
                        held.add(socket.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks";
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (var s : held) {
                s.close();
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;

    private final List<Receiver> receivers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver() throws IOException {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode subscribe(Api api, String token, String url, String type) {
        var created = api.post("/webhooks/subscriptions", token,
                "{\"url\":\"" + url + "\",\"eventTypes\":[\"" + type + "\"],\"description\":\"test\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).startsWith("whsec_");
        return created.json();
    }

    private static String rate(String productName) {
        String caseId = "case-" + UUID.randomUUID();
        return Events.publish(caseId, new ProductRated(caseId, "HS-" + caseId, "P-" + caseId, productName, "E-9",
                "HTX Thoại Sơn", "894", 1, 4, new BigDecimal("78.00"), CouncilLevel.PROVINCE, "2497/QĐ-UBND",
                "GCN-" + caseId, LocalDate.of(2022, 10, 10), LocalDate.of(2025, 10, 10),
                Instant.parse("2022-10-10T03:00:00Z")));
    }

    private List<JsonNode> deliveries(Api api, String token, String subscriptionId) {
        var response = api.get("/webhooks/subscriptions/" + subscriptionId + "/deliveries", token);
        assertThat(response.status()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    @Test
    void signedDeliveriesReachHealthyEndpointsWhileAFailingOneIsRetriedThenDisabledWithANotice() throws Exception {
        var api = new Api(port);
        clock.set(Instant.now());
        String healthyClient = TestTokens.machineClient("catalogue-" + UUID.randomUUID(), "events.subscribe");
        String brokenClient = TestTokens.machineClient("broken-" + UUID.randomUUID(), "events.subscribe");
        Receiver healthy = receiver();
        Receiver broken = receiver();
        broken.failing.set(true);
        JsonNode good = subscribe(api, healthyClient, healthy.url(), "ProductRated");
        healthy.secret = good.get("secret").asString();
        JsonNode bad = subscribe(api, brokenClient, broken.url(), "vn.ocop.evaluation.product-rated.v1");
        broken.secret = bad.get("secret").asString();
        assertThat(api.get("/webhooks/subscriptions/" + bad.get("id").asString(), healthyClient).status()).isEqualTo(404);
        assertThat(api.post("/webhooks/subscriptions", TestTokens.localityOfficer("891"),
                "{\"url\":\"http://x.example/h\",\"eventTypes\":[\"ProductRated\"]}").status()).isEqualTo(403);

        String hangingClient = TestTokens.machineClient("hanging-" + UUID.randomUUID(), "events.subscribe");
        String khoCa;
        try (HangingEndpoint hanging = new HangingEndpoint()) {
            String hangingId = subscribe(api, hangingClient, hanging.url(), "ProductRated").get("id").asString();
            khoCa = rate("Khô cá tra phồng");
            await().atMost(Duration.ofSeconds(30)).until(() -> healthy.received.size() == 1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveries(api, hangingClient, hangingId))
                    .singleElement().satisfies(d -> assertThat(d.path("lastError").asString("")).contains("Timeout")));
            assertThat(api.delete("/webhooks/subscriptions/" + hangingId, hangingClient).status()).isEqualTo(204);
        }
        healthy.received.clear();

        String first = rate("Tranh lá thốt nốt");
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.received.size() == 1);
        String second = rate("Đường thốt nốt sệt Palmania");
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy.received.size() == 2);
        assertThat(healthy.received).allMatch(Receiver.Received::signatureValid);
        assertThat(healthy.received.get(0).body()).contains("\"type\":\"vn.ocop.evaluation.product-rated.v1\"",
                "Tranh lá thốt nốt");
        assertThat(healthy.received.get(0).webhookId()).startsWith("msg_");

        String badId = bad.get("id").asString();
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            var subscription = api.get("/webhooks/subscriptions/" + badId, brokenClient).json();
            assertThat(subscription.get("status").asString()).isEqualTo("DISABLED");
            assertThat(subscription.get("disabledReason").asString()).contains("HTTP 500");
        });
        assertThat(broken.calls.get()).isGreaterThanOrEqualTo(5);
        var notices = api.get("/inbox", brokenClient).json();
        assertThat(StreamSupport.stream(notices.spliterator(), false))
                .anySatisfy(item -> assertThat(item.get("kind").asString()).isEqualTo("WEBHOOK_SUBSCRIPTION_DISABLED"));
        assertThat(StreamSupport.stream(api.get("/inbox", TestTokens.provinceOfficer()).json().spliterator(), false))
                .anySatisfy(item -> assertThat(item.get("reference").asString()).isEqualTo(badId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveries(api, brokenClient, badId))
                .extracting(delivery -> delivery.get("state").asString()).containsOnly("FAILED"));

        // fixed endpoint: enabled again, the failed deliveries redelivered by API, signatures verified
        broken.failing.set(false);
        assertThat(api.post("/webhooks/subscriptions/" + badId + "/enable", brokenClient, null).json()
                .get("status").asString()).isEqualTo("ACTIVE");
        for (JsonNode delivery : deliveries(api, brokenClient, badId)) {
            assertThat(api.post("/webhooks/subscriptions/" + badId + "/deliveries/" + delivery.get("id").asString()
                    + "/redeliver", brokenClient, null).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> broken.received.size() == 3);
        assertThat(broken.received).allMatch(Receiver.Received::signatureValid);
        assertThat(deliveries(api, brokenClient, badId)).extracting(d -> d.get("eventId").asString())
                .containsExactlyInAnyOrder(khoCa, first, second);
        assertThat(healthy.received).hasSize(2);
    }

    @Test
    void provinceOfficersSeeEverySubscriptionAndBadSubscriptionsAreRefused() {
        var api = new Api(port);
        var refused = api.post("/webhooks/subscriptions", TestTokens.provinceOfficer(),
                "{\"url\":\"ftp://nowhere\",\"eventTypes\":[\"NoSuchEvent\"]}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors")).hasSize(2);
        String client = TestTokens.machineClient("reporting-" + UUID.randomUUID(), "events.subscribe");
        String id = subscribe(api, client, "http://127.0.0.1:9/hooks", "DossierSubmitted").get("id").asString();
        assertThat(StreamSupport.stream(api.get("/webhooks/subscriptions", TestTokens.provinceOfficer()).json()
                .spliterator(), false)).anyMatch(s -> s.get("id").asString().equals(id) && s.get("secret") == null);
        assertThat(api.get("/webhooks/subscriptions/" + id + "/secret", client).json().get("secret").asString())
                .startsWith("whsec_");
        assertThat(api.get("/webhooks/subscriptions", TestTokens.machineClient("other", "catalogue.read")).status())
                .isEqualTo(403);
    }
}
