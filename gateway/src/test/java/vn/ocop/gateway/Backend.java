package vn.ocop.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for one service behind the gateway: it answers every request with what it
 * received (path, method, whether a token and a trace came along), can be stopped and started again on the
 * same port, and can be made slow.
 */
final class Backend {

    private final int port;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile long delayMillis;
    private volatile int status = 200;
    private HttpServer server;

    Backend(int port) {
        this.port = port;
    }

    static Backend started() throws IOException {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        Backend backend = new Backend(port);
        backend.start();
        return backend;
    }

    /** Binds the same port again; the previous server's socket may take a moment to be released. */
    synchronized void start() throws IOException {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> {
                    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
                    return true;
                });
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (delayMillis > 0) {
                try {
                    never.await(delayMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.getRequestBody().readAllBytes();
            String body = "{\"path\":\"" + exchange.getRequestURI().getPath() + "\",\"method\":\""
                    + exchange.getRequestMethod() + "\",\"authorization\":"
                    + exchange.getRequestHeaders().containsKey("Authorization") + ",\"traceparent\":\""
                    + exchange.getRequestHeaders().getFirst("traceparent") + "\",\"text\":\"Lạp xưởng bò Tân Châu\"}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    void answer(int status) {
        this.status = status;
    }

    void slow(long millis) {
        delayMillis = millis;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int requests() {
        return requests.get();
    }
}
