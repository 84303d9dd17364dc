package vn.ocop.bench;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens as users and machines get them through the gateway: authorization code + PKCE, client credentials. */
final class Login {

    private static final String REDIRECT = "http://localhost:5173/callback";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"_csrf\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Login() {
    }

    static String user(String gateway, String username, String password) {
        Http browser = new Http(gateway, Duration.ofSeconds(20), true);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String state = "bench" + RANDOM.nextInt(1_000_000);
        Http.Response start = browser.get("/oauth2/authorize?response_type=code&client_id=ocop-web&redirect_uri="
                + Http.encode(REDIRECT) + "&scope=" + Http.encode("openid profile") + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256", null, "Accept", "text/html");
        require(start.status() == 302, "authorize", start);
        Http.Response page = browser.get(local(gateway, start.header("Location")), null, "Accept", "text/html");
        require(page.status() == 200, "login page", page);
        Matcher csrf = CSRF.matcher(page.body());
        require(csrf.find(), "csrf", page);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        Http.Response login = browser.postForm("/login", form, "Accept", "text/html");
        require(login.status() == 302 && !login.header("Location").contains("error"), "login " + username, login);
        Http.Response callback = browser.get(local(gateway, login.header("Location")), null, "Accept", "text/html");
        require(callback.status() == 302 && callback.header("Location").startsWith(REDIRECT), "code", callback);
        String code = query(callback.header("Location")).get("code");
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("client_id", "ocop-web");
        exchange.put("redirect_uri", REDIRECT);
        exchange.put("code", code);
        exchange.put("code_verifier", verifier);
        Http.Response token = browser.postForm("/oauth2/token", exchange);
        require(token.status() == 200, "token", token);
        return token.json().get("access_token").asString();
    }

    private static String local(String gateway, String location) {
        URI uri = URI.create(location);
        return uri.getHost() == null ? location
                : gateway + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(boolean condition, String step, Http.Response response) {
        if (!condition) {
            throw new IllegalStateException("login step '" + step + "' failed: " + response);
        }
    }
}
