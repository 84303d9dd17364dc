package vn.ocop.identity.authserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.ocop.identity.support.Http;
import vn.ocop.identity.support.IdentityIntegrationTest;

/** What anyone may reach without a token, and what browsers at the web client's origins may call. */
class PublicEndpointsTest extends IdentityIntegrationTest {

    @Test
    void theApiDescriptionCoversTheAdministrationApi() {
        Http.Response docs = http().get("/v3/api-docs");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/accounts").contains("/api/accounts/{id}/reset-password")
                .contains("/api/clients").doesNotContain("\"/login\"");
    }

    @Test
    void theLoginPageIsVietnameseByDefaultAndEnglishOnRequest() {
        Http.Response vietnamese = http().get("/login", "Accept", "text/html");
        assertThat(vietnamese.status()).isEqualTo(200);
        assertThat(vietnamese.contentType()).startsWith("text/html");
        assertThat(vietnamese.body()).contains("Đăng nhập hệ thống OCOP").contains("name=\"_csrf\"");
        assertThat(http().get("/login", "Accept", "text/html", "Accept-Language", "en").body())
                .contains("Sign in to the OCOP platform");
    }

    @Test
    void theWebClientsOriginMayCallTheTokenEndpointOthersMayNot() {
        Http.Response allowed = preflight("/oauth2/token", "http://localhost:5173");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        Http.Response api = preflight("/api/accounts/me", "http://localhost:5173");
        assertThat(api.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        Http.Response refused = preflight("/oauth2/token", "http://evil.example");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void healthIsPublic() {
        assertThat(http().get("/actuator/health").status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private Http.Response preflight(String path, String origin) {
        return http().send("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
    }
}
