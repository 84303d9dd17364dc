package vn.ocop.dossier.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service under test, with bearer tokens and JSON bodies. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public Api(int port) {
        this.port = port;
    }

    public record Response(int status, HttpResponse<byte[]> raw) {

        public String body() {
            return new String(raw.body(), UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text(String field) {
            return json().path(field).asString();
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response get(String path, String token, String language) {
        return send(request(path, token).header("Accept-Language", language).GET().build());
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response post(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body), UTF_8)).build());
    }

    public Response post(String path, String token, Object body, String idempotencyKey) {
        return send(request(path, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json(body), UTF_8)).build());
    }

    public Response put(String path, String token, Object body) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body), UTF_8)).build());
    }

    public Response upload(String path, String token, String filename, byte[] content) {
        String boundary = "----ocop" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Response uploadWithoutFile(String path, String token) {
        String boundary = "----ocop" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nghi chú\r\n--"
                + boundary + "--\r\n";
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8)).build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }
}
