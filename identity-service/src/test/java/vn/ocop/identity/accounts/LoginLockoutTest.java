package vn.ocop.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.identity.support.Http;
import vn.ocop.identity.support.IdentityIntegrationTest;

/** Form login at {@code /login}: repeated wrong passwords lock the account until the lock expires or it is enabled. */
class LoginLockoutTest extends IdentityIntegrationTest {

    static final String PASSWORD = "Dung-mat-khau-2026";

    @Autowired
    AccountService accounts;

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockExpires() {
        String username = unique("chomoi-");
        createAccount(username, "Đặng Minh Trí", List.of("LOCALITY_OFFICER"), "893", null, PASSWORD);
        Http browser = http();

        for (int attempt = 1; attempt <= 4; attempt++) {
            Http.Response failed = browser.login(username, "sai-mat-khau-" + attempt, "Accept-Language", "en");
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.location()).endsWith("/login?error");
            assertThat(browser.get("/login?error", "Accept", "text/html", "Accept-Language", "en").body())
                    .contains("Wrong username or password.");
        }
        Http.Response fifth = browser.login(username, "sai-mat-khau-5", "Accept-Language", "en");
        assertThat(fifth.location()).endsWith("/login?error");
        assertThat(browser.get("/login?error", "Accept", "text/html", "Accept-Language", "en").body())
                .contains("temporarily locked after 5 failed logins");
        assertThat(accounts.getByUsername(username).isLocked(clock.instant())).isTrue();

        Http.Response correctButLocked = browser.login(username, PASSWORD, "Accept-Language", "en");
        assertThat(Http.loginSucceeded(correctButLocked)).isFalse();
        assertThat(browser.get("/login?error", "Accept", "text/html", "Accept-Language", "en").body())
                .contains("temporarily locked");
        Http vietnameseBrowser = http();
        assertThat(Http.loginSucceeded(vietnameseBrowser.login(username, PASSWORD))).isFalse();
        assertThat(vietnameseBrowser.get("/login?error", "Accept", "text/html").body())
                .contains("Tài khoản tạm thời bị khoá do đăng nhập sai 5 lần liên tiếp");

        clock.advance(Duration.ofMinutes(14));
        assertThat(Http.loginSucceeded(http().login(username, PASSWORD))).as("still locked after 14 minutes").isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(Http.loginSucceeded(http().login(username, PASSWORD))).as("the lock expired").isTrue();
        assertThat(accounts.getByUsername(username).failedLoginCount()).isZero();
    }

    @Test
    void enablingTheAccountLiftsTheLock() {
        String username = unique("thoaison-");
        String id = createAccount(username, "Lâm Thị Kim Ngân", List.of("LOCALITY_OFFICER"), "894", null, PASSWORD)
                .path("account").path("id").asString();
        for (int attempt = 1; attempt <= 5; attempt++) {
            http().login(username, "sai-mat-khau-" + attempt);
        }
        assertThat(Http.loginSucceeded(http().login(username, PASSWORD))).isFalse();
        Http.Response view = http().get("/api/accounts/" + id, "Authorization", admin());
        assertThat(view.json().path("locked").asBoolean()).isTrue();
        assertThat(view.json().path("lockedUntil").isMissingNode()).isFalse();

        assertThat(http().post("/api/accounts/" + id + "/enable", "Authorization", admin()).status()).isEqualTo(200);
        assertThat(Http.loginSucceeded(http().login(username, PASSWORD))).isTrue();
    }

    @Test
    void aSuccessfulLoginResetsTheCountOfFailures() {
        String username = unique("chauthanh-");
        createAccount(username, "Phan Thanh Hải", List.of("LOCALITY_OFFICER"), "892", null, PASSWORD);
        for (int attempt = 1; attempt <= 4; attempt++) {
            http().login(username, "sai-mat-khau-" + attempt);
        }
        assertThat(accounts.getByUsername(username).failedLoginCount()).isEqualTo(4);
        assertThat(Http.loginSucceeded(http().login(username.toUpperCase(), PASSWORD))).as("usernames ignore case").isTrue();
        assertThat(accounts.getByUsername(username).failedLoginCount()).isZero();
        http().login(username, "sai-mat-khau-lan-nua");
        assertThat(Http.loginSucceeded(http().login(username, PASSWORD))).isTrue();
    }

    @Test
    void unknownUsersGetTheSameAnswerAsWrongPasswords() {
        Http browser = http();
        Http.Response unknown = browser.login("khong-ton-tai", "bat-ky-mat-khau", "Accept-Language", "en");
        assertThat(unknown.location()).endsWith("/login?error");
        assertThat(browser.get("/login?error", "Accept", "text/html", "Accept-Language", "en").body())
                .contains("Wrong username or password.");
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        Http.Response withoutToken = http().postForm("/login", java.util.Map.of("username", "x", "password", "y"));
        assertThat(withoutToken.status()).isEqualTo(403);
    }
}
