package vn.ocop.identity.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the tests: real requests to the running service, its own cookie jar (one instance = one
 * browser), redirects not followed so that each step of a login or authorization flow can be checked.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final String base;
    private final HttpClient client;

    public Http(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String location() {
            return header("Location");
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public Response get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, headers).GET());
    }

    public Response send(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public Response postJson(String path, Object body, String... headers) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response post(String path, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response postForm(String path, Map<String, String> form, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    /** The login page's CSRF token, then the form posted: the answer is the redirect (to {@code ?error} on failure). */
    public Response login(String username, String password, String... headers) {
        Response page = get("/login", withHtml(headers));
        if (page.status() != 200) {
            throw new IllegalStateException("login page: " + page.status() + " " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrfToken(page.body()));
        return postForm("/login", form, withHtml(headers));
    }

    public static boolean loginSucceeded(Response response) {
        return response.status() == 302 && response.location() != null && !response.location().contains("error");
    }

    public static String csrfToken(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        if (!input.find()) {
            throw new IllegalStateException("no CSRF token in " + html);
        }
        Matcher value = VALUE.matcher(input.group());
        if (!value.find()) {
            throw new IllegalStateException("no CSRF value in " + input.group());
        }
        return value.group(1);
    }

    public static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The query parameters of a URL (decoded). */
    public static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String[] withHtml(String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Accept";
        all[1] = "text/html";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    private HttpRequest.Builder request(String pathOrUrl, String... headers) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
