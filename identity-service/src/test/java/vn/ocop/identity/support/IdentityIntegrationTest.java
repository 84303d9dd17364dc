package vn.ocop.identity.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import vn.ocop.identity.IdentityServiceApplication;
import vn.ocop.infra.testing.OcopInfraTest;
import vn.ocop.infra.testing.TestTokens;

/**
 * The application as in production (not the embedded profile), on the shared test MongoDB in a database of its own,
 * with a bootstrap administrator configured and a clock the tests can move. All subclasses share one context.
 * {@code /api/**} accepts test tokens ({@link TestTokens}) and the tokens the service issues itself.
 */
@OcopInfraTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {IdentityServiceApplication.class, TestClockConfiguration.class},
        properties = {
                "spring.mongodb.database=ocop-identity-it",
                "ocop.identity.bootstrap-admin.username=" + IdentityIntegrationTest.BOOTSTRAP_ADMIN,
                "ocop.identity.bootstrap-admin.password=" + IdentityIntegrationTest.BOOTSTRAP_PASSWORD,
                "ocop.identity.bootstrap-admin.display-name=Nguyễn Thị Hồng Nhung"})
public abstract class IdentityIntegrationTest {

    public static final String BOOTSTRAP_ADMIN = "quantri.tinh";
    public static final String BOOTSTRAP_PASSWORD = "Mat-khau-quan-tri-2026";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    protected Http http() {
        return new Http(port);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    protected static String admin() {
        return bearer(TestTokens.provinceOfficer());
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an account through the API as a province officer; returns the response JSON. */
    protected JsonNode createAccount(String username, String displayName, List<String> roles, String locality,
            String agency, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("displayName", displayName);
        body.put("roles", roles);
        if (locality != null) {
            body.put("locality", locality);
        }
        if (agency != null) {
            body.put("agency", agency);
        }
        if (password != null) {
            body.put("password", password);
        }
        Http.Response response = http().postJson("/api/accounts", body, "Authorization", admin());
        if (response.status() != 201) {
            throw new IllegalStateException("create account: " + response.status() + " " + response.body());
        }
        return response.json();
    }
}
