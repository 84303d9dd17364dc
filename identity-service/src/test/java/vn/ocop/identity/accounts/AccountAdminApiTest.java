package vn.ocop.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;
import vn.ocop.identity.support.Http;
import vn.ocop.identity.support.IdentityIntegrationTest;
import vn.ocop.infra.testing.TestTokens;

/** {@code /api/accounts} over real HTTP with test tokens, checked down to what MongoDB holds. */
class AccountAdminApiTest extends IdentityIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void createsAndReadsAnAccountKeepingVietnameseTextAndNeverShowingTheHash() {
        String username = unique("chaudoc-");
        Http.Response created = http().postJson("/api/accounts", Map.of(
                "username", username.toUpperCase(),
                "displayName", "Nguyễn Thị Hồng Nhung",
                "email", "nhung@angiang.gov.vn",
                "roles", List.of("LOCALITY_OFFICER"),
                "locality", "884",
                "password", "Mat-khau-ban-dau-1"), "Authorization", admin());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json().path("account");
        String id = account.path("id").asString();
        assertThat(created.location()).endsWith("/api/accounts/" + id);
        assertThat(account.path("username").asString()).isEqualTo(username);
        assertThat(account.path("displayName").asString()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(account.path("roles").get(0).asString()).isEqualTo("LOCALITY_OFFICER");
        assertThat(account.path("locality").asString()).isEqualTo("884");
        assertThat(account.path("enabled").asBoolean()).isTrue();
        assertThat(account.path("createdBy").asString()).isEqualTo("province-officer");
        assertThat(created.json().has("temporaryPassword")).as("a chosen password is not echoed").isFalse();
        assertNoSecrets(created.body());

        Http.Response read = http().get("/api/accounts/" + id, "Authorization", admin());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("displayName").asString()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(read.header("ETag")).isEqualTo("\"" + read.json().path("version").asLong() + "\"");
        assertNoSecrets(read.body());

        Document stored = mongo.getCollection("accounts").find(new Document("_id", id)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("displayName")).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(stored.getString("username")).isEqualTo(username);
        assertThat(stored.getString("passwordHash")).startsWith("{argon2}$argon2id$").doesNotContain("Mat-khau-ban-dau-1");
    }

    @Test
    void generatesAPasswordWhenNoneIsGivenAndShowsItOnce() {
        String username = unique("hoidong-");
        Http.Response created = http().postJson("/api/accounts", Map.of("username", username,
                "displayName", "Trần Văn Minh", "roles", List.of("COUNCIL_MEMBER")), "Authorization", admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String password = created.json().path("temporaryPassword").asString();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(created.header("Cache-Control")).contains("no-store");
        assertThat(Http.loginSucceeded(http().login(username, password))).isTrue();

        String id = created.json().path("account").path("id").asString();
        assertThat(http().get("/api/accounts/" + id, "Authorization", admin()).body()).doesNotContain(password);
    }

    @Test
    void listsByRoleAndLocalityPageByPage() {
        String locality = "9" + (System.nanoTime() % 9000 + 1000);
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            usernames.add(createAccount(unique("xa" + i + "-"), "Cán bộ xã " + i, List.of("LOCALITY_OFFICER"), locality,
                    null, null).path("account").path("username").asString());
        }
        createAccount(unique("so-"), "Cán bộ sở", List.of("DEPARTMENT_OFFICER"), null, "SO-CT", null);

        Http.Response first = http().get("/api/accounts?role=LOCALITY_OFFICER&locality=" + locality + "&page=0&size=2",
                "Authorization", admin());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("totalElements").asLong()).isEqualTo(3);
        assertThat(first.json().path("totalPages").asLong()).isEqualTo(2);
        assertThat(first.json().path("items").size()).isEqualTo(2);
        Http.Response second = http().get("/api/accounts?role=LOCALITY_OFFICER&locality=" + locality + "&page=1&size=2",
                "Authorization", admin());
        List<String> listed = new ArrayList<>();
        first.json().path("items").forEach(item -> listed.add(item.path("username").asString()));
        second.json().path("items").forEach(item -> listed.add(item.path("username").asString()));
        assertThat(listed).containsExactlyElementsOf(usernames.stream().sorted().toList());
        assertNoSecrets(first.body());

        Http.Response departments = http().get("/api/accounts?role=DEPARTMENT_OFFICER&size=200", "Authorization", admin());
        departments.json().path("items").forEach(item -> assertThat(item.path("agency").isMissingNode()).isFalse());

        assertThat(http().get("/api/accounts?size=0", "Authorization", admin()).status()).isEqualTo(400);
        assertThat(http().get("/api/accounts?role=MAYOR", "Authorization", admin()).status()).isEqualTo(400);
    }

    @Test
    void disablesEnablesAndResetsThePassword() {
        String username = unique("phutan-");
        JsonNode created = createAccount(username, "Võ Thị Ngọc Ánh", List.of("LOCALITY_OFFICER"), "888", null,
                "Mat-khau-ban-dau-2");
        String id = created.path("account").path("id").asString();
        Http browser = http();
        assertThat(Http.loginSucceeded(browser.login(username, "Mat-khau-ban-dau-2"))).isTrue();

        Http.Response disabled = http().post("/api/accounts/" + id + "/disable", "Authorization", admin());
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        Http.Response refused = http().login(username, "Mat-khau-ban-dau-2", "Accept-Language", "en");
        assertThat(Http.loginSucceeded(refused)).isFalse();

        Http.Response enabled = http().post("/api/accounts/" + id + "/enable", "Authorization", admin());
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        assertThat(Http.loginSucceeded(http().login(username, "Mat-khau-ban-dau-2"))).isTrue();

        Http.Response reset = http().post("/api/accounts/" + id + "/reset-password", "Authorization", admin());
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        String temporary = reset.json().path("temporaryPassword").asString();
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(12);
        assertThat(reset.json().path("username").asString()).isEqualTo(username);
        assertThat(Http.loginSucceeded(http().login(username, "Mat-khau-ban-dau-2"))).isFalse();
        assertThat(Http.loginSucceeded(http().login(username, temporary))).isTrue();
    }

    @Test
    void theHolderReadsTheOwnAccountAndChangesThePassword() {
        String username = unique("hoidong-");
        createAccount(username, "Lê Thị Thu Hà", List.of("COUNCIL_MEMBER"), null, null, "Mat-khau-ban-dau-3");
        String token = bearer(TestTokens.token().subject(username).roles("COUNCIL_MEMBER").sign());

        Http.Response me = http().get("/api/accounts/me", "Authorization", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("displayName").asString()).isEqualTo("Lê Thị Thu Hà");
        assertNoSecrets(me.body());

        Http.Response wrong = http().postJson("/api/accounts/me/password",
                Map.of("currentPassword", "khong-dung-day", "newPassword", "ngan"), "Authorization", token);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("currentPassword", "newPassword");

        Http.Response changed = http().postJson("/api/accounts/me/password",
                Map.of("currentPassword", "Mat-khau-ban-dau-3", "newPassword", "Mat-khau-moi-cua-toi"), "Authorization", token);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(Http.loginSucceeded(http().login(username, "Mat-khau-moi-cua-toi"))).isTrue();

        assertThat(http().get("/api/accounts/me", "Authorization", bearer(TestTokens.machineClient("robot", "catalogue.read")))
                .status()).as("a machine client has no account").isEqualTo(404);
    }

    @Test
    void onlyProvinceOfficersAdministerAccounts() {
        Http.Response forbidden = http().get("/api/accounts", "Authorization", bearer(TestTokens.localityOfficer("883")));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(forbidden.body()).contains("Không có quyền");
        assertThat(http().postJson("/api/accounts", Map.of("username", "x"), "Authorization",
                bearer(TestTokens.councilMember("hoidong1"))).status()).isEqualTo(403);
        assertThat(http().post("/api/accounts/any/disable", "Authorization",
                bearer(TestTokens.machineClient("robot", "ocop.ops"))).status()).isEqualTo(403);

        Http.Response anonymous = http().get("/api/accounts");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(http().get("/api/accounts/me").status()).isEqualTo(401);
    }

    @Test
    void aTakenUsernameIsAConflictWhateverItsCase() {
        String username = unique("anphu-");
        createAccount(username, "Huỳnh Văn Tâm", List.of("LOCALITY_OFFICER"), "886", null, null);
        Http.Response duplicate = http().postJson("/api/accounts", Map.of("username", username.toUpperCase(),
                "displayName", "Người khác", "roles", List.of("COUNCIL_MEMBER")), "Authorization", admin());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.json().path("code").asString()).isEqualTo("account.username-taken");
        assertThat(duplicate.json().path("detail").asString()).contains(username);
    }

    @Test
    void invalidInputIsA422ListingEveryProblemInTheCallersLanguage() {
        Map<String, Object> body = Map.of("username", unique("xa-"), "displayName", "Cán bộ xã",
                "roles", List.of("LOCALITY_OFFICER"), "agency", "SO-NNPTNT", "password", "ngan-qua");
        Http.Response vietnamese = http().postJson("/api/accounts", body, "Authorization", admin());
        assertThat(vietnamese.status()).isEqualTo(422);
        assertThat(vietnamese.contentType()).startsWith("application/problem+json");
        assertThat(fields(vietnamese)).containsExactlyInAnyOrder("locality", "agency", "password");
        assertThat(vietnamese.body()).contains("phải có mã đơn vị hành chính").contains("ít nhất 12 ký tự");

        Http.Response english = http().postJson("/api/accounts", body, "Authorization", admin(), "Accept-Language", "en");
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.body()).contains("needs an administrative-unit code").contains("at least 12 characters");

        Http.Response empty = http().postJson("/api/accounts", Map.of(), "Authorization", admin());
        assertThat(fields(empty)).containsExactlyInAnyOrder("username", "displayName", "roles");
        assertThat(http().postJson("/api/accounts", "{not json", "Authorization", admin()).status()).isEqualTo(400);
    }

    @Test
    void aStaleVersionIsAConflict() {
        JsonNode created = createAccount(unique("triton-"), "Chau Sóc Khonl", List.of("LOCALITY_OFFICER"), "891", null, null);
        String id = created.path("account").path("id").asString();
        long version = created.path("account").path("version").asLong();
        assertThat(http().post("/api/accounts/" + id + "/disable", "Authorization", admin(), "If-Match",
                "\"" + version + "\"").status()).isEqualTo(200);
        Http.Response stale = http().post("/api/accounts/" + id + "/enable", "Authorization", admin(), "If-Match",
                "\"" + version + "\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asString()).isEqualTo("state.conflict-version");
        assertThat(http().get("/api/accounts/" + id, "Authorization", admin()).json().path("enabled").asBoolean()).isFalse();
    }

    @Test
    void unknownAccountsAre404() {
        Http.Response missing = http().get("/api/accounts/khong-co", "Authorization", admin(), "Accept-Language", "en");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("detail").asString()).contains("khong-co");
    }

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }

    private static void assertNoSecrets(String body) {
        assertThat(body).doesNotContain("passwordHash").doesNotContain("argon2").doesNotContain("{bcrypt}");
    }
}
