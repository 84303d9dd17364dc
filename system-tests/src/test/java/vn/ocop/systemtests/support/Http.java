package vn.ocop.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP to the gateway (one instance = one browser: its own cookie jar; redirects are not followed). Every
 * response is recorded with its elapsed time; I/O failures are returned as status -1 rather than thrown.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client;
    private final Duration timeout;

    public Http(String base) {
        this(base, Duration.ofSeconds(30));
    }

    public Http(String base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public String base() {
        return base;
    }

    public record Response(String method, String uri, int status, HttpHeaders headers, String body, long millis) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        public boolean isProblem() {
            return contentType() != null && contentType().startsWith("application/problem+json");
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
            return method + " " + uri + " → " + status + " (" + millis + " ms) " + shown;
        }
    }

    public static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    public Response get(String path, String token, String... headers) {
        return send("GET", path, token, null, null, headers);
    }

    public Response postJson(String path, String token, Object body, String... headers) {
        return send("POST", path, token, "application/json",
                json(body).getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response putJson(String path, String token, Object body, String... headers) {
        return send("PUT", path, token, "application/json", json(body).getBytes(StandardCharsets.UTF_8), headers);
    }

    public Response postForm(String path, Map<String, String> form, String... headers) {
        return send("POST", path, null, "application/x-www-form-urlencoded",
                form(form).getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Multipart with one file part {@code file}. */
    public Response upload(String path, String token, String filename, String partType, byte[] content,
            String... headers) {
        String boundary = "----ocop" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send("POST", path, token, "multipart/form-data; boundary=" + boundary, body, headers);
    }

    /** Any request; {@code contentType} null = no header; {@code body} null = no body. */
    public Response send(String method, String path, String token, String contentType, byte[] body,
            String... headers) {
        String url = path.startsWith("http") ? path : base + path;
        long start = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            List<String> pairs = new ArrayList<>(List.of(headers));
            if (pairs.stream().noneMatch("Accept"::equalsIgnoreCase)) {
                pairs.add("Accept");
                pairs.add("application/json, application/problem+json");
            }
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                request.setHeader(pairs.get(i), pairs.get(i + 1));
            }
            // The request timeout covers the wait for the response headers only: a body that never ends would
            // block for ever, so the whole exchange gets a deadline too.
            HttpResponse<String> response;
            try {
                response = client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                        .get(timeout.toMillis() + 15_000, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                System.out.println("[system-tests] no complete answer within " + (timeout.toSeconds() + 15) + " s: "
                        + method + " " + url);
                return new Response(method, url, -1, null, "no complete answer within " + (timeout.toSeconds() + 15)
                        + " s", (System.nanoTime() - start) / 1_000_000);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
            return new Response(method, url, response.statusCode(), response.headers(), response.body(),
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Response(method, url, -1, null, e.toString(), (System.nanoTime() - start) / 1_000_000);
        } catch (IllegalArgumentException e) {
            // an URI the client itself refuses: not sent
            return new Response(method, url, -2, null, e.toString(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
