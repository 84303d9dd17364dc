package vn.ocop.systemtests.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens the way users and machines get them, through the gateway only. */
public final class Identity {

    public static final String REDIRECT_URI = "http://localhost:5173/callback";
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String gateway;

    public Identity(String gateway) {
        this.gateway = gateway;
    }

    /** Authorization code + PKCE: authorize → login form (CSRF) → POST /login → code → token. */
    public String userToken(String username, String password) {
        Http browser = new Http(gateway);
        String verifier = randomVerifier();
        String state = "st-" + Math.abs(RANDOM.nextLong());
        String authorize = "/oauth2/authorize?response_type=code&client_id=ocop-web&redirect_uri="
                + Http.encode(REDIRECT_URI) + "&scope=" + Http.encode("openid profile") + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        Http.Response start = browser.get(authorize, null, "Accept", "text/html");
        require(start.status() == 302 && start.header("Location") != null, "authorize", start);
        Http.Response page = browser.get(local(start.header("Location")), null, "Accept", "text/html");
        require(page.status() == 200, "login page", page);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf(page.body()));
        Http.Response login = browser.postForm("/login", form, "Accept", "text/html");
        require(login.status() == 302 && login.header("Location") != null
                && !login.header("Location").contains("error"), "login of " + username, login);
        Http.Response callback = browser.get(local(login.header("Location")), null, "Accept", "text/html");
        require(callback.status() == 302 && callback.header("Location").startsWith(REDIRECT_URI),
                "authorize after login", callback);
        Map<String, String> parameters = query(callback.header("Location"));
        require(state.equals(parameters.get("state")) && parameters.containsKey("code"), "code", callback);
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", "ocop-web");
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("code", parameters.get("code"));
        exchange.put("code_verifier", verifier);
        Http.Response token = browser.postForm("/oauth2/token", exchange);
        require(token.status() == 200, "token", token);
        return token.json().get("access_token").asString();
    }

    /** Client credentials. */
    public String machineToken(String clientId, String secret, String scopes) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Http.Response token = new Http(gateway).postForm("/oauth2/token",
                Map.of("grant_type", "client_credentials", "scope", scopes), "Authorization", "Basic " + basic);
        require(token.status() == 200, "client token", token);
        return token.json().get("access_token").asString();
    }

    /** The path and query of a redirect, sent to the gateway again (identity-service may name its own host). */
    private String local(String location) {
        URI uri = URI.create(location);
        if (uri.getHost() == null) {
            return location;
        }
        return gateway + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static void require(boolean condition, String step, Http.Response response) {
        if (!condition) {
            throw new IllegalStateException("login step '" + step + "' failed: " + response);
        }
    }

    static String csrf(String html) {
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

    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    static String randomVerifier() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
