package vn.ocop.identity.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;
import vn.ocop.identity.support.Http;
import vn.ocop.identity.support.IdentityIntegrationTest;
import vn.ocop.infra.testing.TestTokens;

/**
 * Tokens end to end over HTTP: a machine client created through the API uses client credentials; a user goes through
 * the authorization-code flow with PKCE (authorize, login form, code, token); both JWTs are verified against
 * {@code /oauth2/jwks} and carry the platform's claims; the signing key is the one stored in MongoDB.
 */
class TokenIssuanceTest extends IdentityIntegrationTest {

    static final String REDIRECT_URI = "http://localhost:5173/callback";

    @Autowired
    MongoTemplate mongo;

    @Test
    void aMachineClientCreatedThroughTheApiGetsAScopedTokenWithoutRoles() throws Exception {
        String clientId = unique("cong-thong-tin-");
        Http.Response created = http().postJson("/api/clients", Map.of("clientId", clientId,
                "name", "Cổng thông tin điện tử tỉnh", "scopes", List.of("catalogue.read", "ratings.read")),
                "Authorization", admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String secret = created.json().path("clientSecret").asString();
        String id = created.json().path("client").path("id").asString();
        assertThat(secret).hasSize(43);
        assertThat(created.json().path("client").path("name").asString()).isEqualTo("Cổng thông tin điện tử tỉnh");

        Http.Response listed = http().get("/api/clients", "Authorization", admin());
        assertThat(listed.body()).contains(clientId).doesNotContain(secret).doesNotContain("argon2");
        Document stored = mongo.getCollection("oauth_clients").find(new Document("_id", id)).first();
        assertThat(stored.getString("clientSecretHash")).startsWith("{argon2}").doesNotContain(secret);

        Http.Response token = clientCredentials(clientId, secret, "catalogue.read");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.json().path("expires_in").asLong()).isBetween(890L, 900L);
        JWTClaimsSet claims = verify(token.json().path("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.getSubject()).isEqualTo(clientId);
        assertThat(claims.getStringListClaim("scope")).containsExactly("catalogue.read");
        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(claims.getClaims()).doesNotContainKeys("locality", "agency");

        String accessToken = token.json().path("access_token").asString();
        assertThat(http().get("/api/accounts/me", "Authorization", bearer(accessToken)).status())
                .as("its own tokens are accepted on /api (no account behind a machine client)").isEqualTo(404);
        assertThat(http().get("/api/accounts", "Authorization", bearer(accessToken)).status()).isEqualTo(403);

        assertThat(clientCredentials(clientId, secret, "ocop.ops").status()).as("scope not granted").isEqualTo(400);
        assertThat(clientCredentials(clientId, "wrong-secret", "catalogue.read").status()).isEqualTo(401);

        assertThat(http().post("/api/clients/" + id + "/disable", "Authorization", admin()).status()).isEqualTo(200);
        assertThat(clientCredentials(clientId, secret, "catalogue.read").status()).as("disabled").isEqualTo(401);
        assertThat(http().post("/api/clients/" + id + "/enable", "Authorization", admin()).status()).isEqualTo(200);
        assertThat(clientCredentials(clientId, secret, "catalogue.read").status()).isEqualTo(200);
    }

    @Test
    void machineClientsAreValidated() {
        Http.Response invalid = http().postJson("/api/clients", Map.of("clientId", "ocop-web", "name", "X",
                "scopes", List.of("dossiers.write")), "Authorization", admin(), "Accept-Language", "en");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("reserved").contains("dossiers.write");

        String clientId = unique("bao-cao-");
        Map<String, Object> body = Map.of("clientId", clientId, "name", "Báo cáo", "scopes", List.of("ratings.read"));
        assertThat(http().postJson("/api/clients", body, "Authorization", admin()).status()).isEqualTo(201);
        assertThat(http().postJson("/api/clients", body, "Authorization", admin()).status()).isEqualTo(409);
        assertThat(http().postJson("/api/clients", body, "Authorization", bearer(TestTokens.localityOfficer("883")))
                .status()).isEqualTo(403);
        assertThat(http().get("/api/clients").status()).isEqualTo(401);
    }

    @Test
    void aUserGetsATokenThroughAuthorizationCodeWithPkce() throws Exception {
        String username = unique("tanchau-");
        createAccount(username, "Nguyễn Văn Phúc", List.of("LOCALITY_OFFICER"), "887", null, "Mat-khau-cua-phuc-1");
        Http browser = http();
        String verifier = randomVerifier();

        Http.Response tokens = authorizationCodeFlow(browser, username, "Mat-khau-cua-phuc-1", verifier);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        JWTClaimsSet access = verify(tokens.json().path("access_token").asString());
        assertThat(access.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(access.getSubject()).isEqualTo(username);
        assertThat(access.getStringListClaim("roles")).containsExactly("LOCALITY_OFFICER");
        assertThat(access.getStringClaim("locality")).isEqualTo("887");
        assertThat(access.getStringClaim("name")).isEqualTo("Nguyễn Văn Phúc");
        assertThat(access.getClaims()).doesNotContainKey("agency");
        assertThat(access.getStringListClaim("scope")).containsExactlyInAnyOrder("openid", "profile");
        assertThat(access.getAudience()).containsExactly("ocop-web");
        assertThat(access.getExpirationTime().getTime() - access.getIssueTime().getTime()).isEqualTo(15 * 60 * 1000L);

        JWTClaimsSet id = verify(tokens.json().path("id_token").asString());
        assertThat(id.getStringClaim("preferred_username")).isEqualTo(username);
        assertThat(id.getStringClaim("name")).isEqualTo("Nguyễn Văn Phúc");

        String accessToken = tokens.json().path("access_token").asString();
        Http.Response me = http().get("/api/accounts/me", "Authorization", bearer(accessToken));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("locality").asString()).isEqualTo("887");
        Http.Response userInfo = http().get("/userinfo", "Authorization", bearer(accessToken));
        assertThat(userInfo.status()).as(userInfo.body()).isEqualTo(200);
        assertThat(userInfo.json().path("sub").asString()).isEqualTo(username);
    }

    @Test
    void theBootstrapAdministratorAdministersWithItsOwnToken() {
        Http.Response tokens = authorizationCodeFlow(http(), BOOTSTRAP_ADMIN, BOOTSTRAP_PASSWORD, randomVerifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        String token = bearer(tokens.json().path("access_token").asString());
        Http.Response created = http().postJson("/api/accounts", Map.of("username", unique("so-"),
                "displayName", "Cán bộ Sở Công Thương", "roles", List.of("DEPARTMENT_OFFICER"), "agency", "SO-CT"),
                "Authorization", token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("account").path("createdBy").asString()).isEqualTo(BOOTSTRAP_ADMIN);
    }

    @Test
    void theCodeNeedsTheRightVerifierAndIsUsedOnce() {
        String username = unique("chauphu-");
        createAccount(username, "Trương Thị Mỹ", List.of("COUNCIL_MEMBER"), null, null, "Mat-khau-cua-my-12");
        Http browser = http();
        String verifier = randomVerifier();
        String code = authorizationCode(browser, username, "Mat-khau-cua-my-12", verifier);

        Http.Response wrongVerifier = browser.postForm("/oauth2/token", tokenRequest(code, randomVerifier()));
        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(wrongVerifier.json().path("error").asString()).isEqualTo("invalid_grant");

        String secondCode = authorizationCode(browser, username, null, verifier);
        assertThat(browser.postForm("/oauth2/token", tokenRequest(secondCode, verifier)).status()).isEqualTo(200);
        assertThat(browser.postForm("/oauth2/token", tokenRequest(secondCode, verifier)).status())
                .as("a code is used once").isEqualTo(400);
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        Http browser = http();
        assertThat(Http.loginSucceeded(browser.login(BOOTSTRAP_ADMIN, BOOTSTRAP_PASSWORD))).isTrue();
        Http.Response response = browser.get("/oauth2/authorize?response_type=code&client_id=ocop-web&redirect_uri="
                + Http.encode(REDIRECT_URI) + "&scope=openid&state=s1", "Accept", "text/html");
        assertThat(response.status()).isEqualTo(302);
        assertThat(Http.query(response.location())).containsEntry("error", "invalid_request");
    }

    @Test
    void theSigningKeyIsStoredOnceAndServedAsTheJwkSet() throws Exception {
        JWKSet served = JWKSet.parse(http().get("/oauth2/jwks").body());
        assertThat(served.getKeys()).hasSize(1);
        RSAKey servedKey = (RSAKey) served.getKeys().getFirst();
        assertThat(servedKey.isPrivate()).isFalse();

        Document stored = mongo.getCollection(SigningKeyStore.COLLECTION).find(new Document("_id", "current")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("kid")).isEqualTo(servedKey.getKeyID());
        assertThat(mongo.getCollection(SigningKeyStore.COLLECTION).countDocuments()).isEqualTo(1);

        RSAKey afterRestart = new SigningKeyStore(mongo).loadOrCreate();
        assertThat(afterRestart.getKeyID()).as("a restart or another replica loads the same key")
                .isEqualTo(servedKey.getKeyID());
        assertThat(afterRestart.toPublicJWK()).isEqualTo(servedKey);
        assertThat(mongo.getCollection(SigningKeyStore.COLLECTION).countDocuments()).isEqualTo(1);
    }

    @Test
    void discoveryNamesTheIssuer() {
        Http.Response discovery = http().get("/.well-known/openid-configuration");
        assertThat(discovery.status()).isEqualTo(200);
        JsonNode metadata = discovery.json();
        assertThat(metadata.path("issuer").asString()).isEqualTo(TestTokens.ISSUER);
        assertThat(metadata.path("jwks_uri").asString()).isEqualTo(TestTokens.ISSUER + "/oauth2/jwks");
        assertThat(metadata.path("token_endpoint").asString()).isEqualTo(TestTokens.ISSUER + "/oauth2/token");
        assertThat(http().get("/.well-known/oauth-authorization-server").json().path("issuer").asString())
                .isEqualTo(TestTokens.ISSUER);
    }

    @Test
    void browsersAreSentToTheLoginPage() {
        Http.Response response = http().get("/oauth2/authorize?response_type=code&client_id=ocop-web&redirect_uri="
                + Http.encode(REDIRECT_URI) + "&scope=openid&state=s2&code_challenge=" + challenge(randomVerifier())
                + "&code_challenge_method=S256", "Accept", "text/html");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/login");
        Http.Response home = http().get("/", "Accept", "text/html");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/login");
        Http.Response api = http().get("/", "Accept", "application/json");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    // ------------------------------------------------------------------ helpers

    private Http.Response clientCredentials(String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http().postForm("/oauth2/token", Map.of("grant_type", "client_credentials", "scope", scope),
                "Authorization", "Basic " + basic);
    }

    private Http.Response authorizationCodeFlow(Http browser, String username, String password, String verifier) {
        String code = authorizationCode(browser, username, password, verifier);
        return browser.postForm("/oauth2/token", tokenRequest(code, verifier));
    }

    /** GET /oauth2/authorize → login form (unless {@code password} is null: already logged in) → redirect with a code. */
    private String authorizationCode(Http browser, String username, String password, String verifier) {
        String authorize = "/oauth2/authorize?response_type=code&client_id=ocop-web&redirect_uri="
                + Http.encode(REDIRECT_URI) + "&scope=" + Http.encode("openid profile") + "&state=trang-thai-1"
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        Http.Response start = browser.get(authorize, "Accept", "text/html");
        assertThat(start.status()).as(start.body()).isEqualTo(302);
        Http.Response toCallback;
        if (password != null) {
            assertThat(start.location()).endsWith("/login");
            Http.Response login = browser.login(username, password);
            assertThat(Http.loginSucceeded(login)).as("login of %s: %s", username, login.location()).isTrue();
            assertThat(login.location()).contains("/oauth2/authorize");
            toCallback = browser.get(login.location(), "Accept", "text/html");
        } else {
            toCallback = start;
        }
        assertThat(toCallback.status()).as(toCallback.body()).isEqualTo(302);
        assertThat(toCallback.location()).startsWith(REDIRECT_URI);
        Map<String, String> parameters = Http.query(toCallback.location());
        assertThat(parameters).containsEntry("state", "trang-thai-1").containsKey("code");
        return parameters.get("code");
    }

    private static Map<String, String> tokenRequest(String code, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", REDIRECT_URI);
        form.put("client_id", "ocop-web");
        form.put("code_verifier", verifier);
        return form;
    }

    private JWTClaimsSet verify(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet keys = JWKSet.parse(http().get("/oauth2/jwks").body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static String randomVerifier() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
