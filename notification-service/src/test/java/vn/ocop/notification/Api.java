package vn.ocop.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.ocop.infra.testing.TestTokens;

/** A small HTTP client for the service's API in tests. */
public record Api(int port) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response get(String path, String token, String language) {
        return send(request(path, token).header("Accept-Language", language).GET());
    }

    public Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    public Response put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String token) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(15));
        if (token != null) {
            builder.header("Authorization", TestTokens.bearer(token));
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
