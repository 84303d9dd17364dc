package vn.ocop.systemtests.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/** A webhook subscriber (JDK HttpServer on 127.0.0.1) keeping every delivery it received. */
public final class WebhookReceiver implements AutoCloseable {

    public record Delivery(String id, String timestamp, String signature, String body) {

        /** Standard Webhooks: v1,base64(HMAC-SHA256(key, id.timestamp.body)), key = base64 after {@code whsec_}. */
        public boolean signedWith(String secret) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                for (String candidate : signature.split(" ")) {
                    if (MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8),
                            expected.getBytes(StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature")), body));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits until {@code count} distinct deliveries (webhook-id) arrived; returns dossierId → distinct deliveries. */
    public java.util.Map<String, Long> awaitDistinctPerDossier(int count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> deliveries().stream().map(Delivery::id).distinct().count() >= count);
        return deliveries().stream().collect(java.util.stream.Collectors.groupingBy(
                d -> Http.JSON.readTree(d.body()).get("data").get("dossierId").asString(),
                java.util.stream.Collectors.mapping(Delivery::id, java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toSet(), ids -> (long) ids.size()))));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
