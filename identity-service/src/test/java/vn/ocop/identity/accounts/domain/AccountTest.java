package vn.ocop.identity.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.security.Role;

class AccountTest {

    /** Reversible "hash" so the tests need no crypto. */
    static final PasswordHasher PLAIN = new PasswordHasher() {
        @Override
        public String hash(String rawPassword) {
            return "{plain}" + rawPassword;
        }

        @Override
        public boolean matches(String rawPassword, String hash) {
            return hash.equals("{plain}" + rawPassword);
        }
    };
    static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");
    static final LockoutPolicy LOCKOUT = new LockoutPolicy(5, Duration.ofMinutes(15));

    static Account localityOfficer() {
        return Account.register("id-1", new AccountDetails("  LongXuyen ", "Nguyễn Thị Hồng Nhung", null,
                List.of("LOCALITY_OFFICER"), "883", null), "mot-mat-khau-dai", PasswordPolicy.DEFAULT, PLAIN, NOW, "admin");
    }

    private static List<String> codes(InvalidInputException e) {
        return e.violations().stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    @Test
    void registersAnEnabledAccountWithALowerCaseUsernameAndAHash() {
        Account account = localityOfficer();
        assertThat(account.username()).isEqualTo("longxuyen");
        assertThat(account.displayName()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(account.roles()).containsExactly(Role.LOCALITY_OFFICER);
        assertThat(account.locality()).isEqualTo("883");
        assertThat(account.passwordHash()).isEqualTo("{plain}mot-mat-khau-dai");
        assertThat(account.enabled()).isTrue();
        assertThat(account.loginStatus(NOW)).isEqualTo(LoginStatus.ALLOWED);
        assertThat(account.createdBy()).isEqualTo("admin");
        assertThat(account.passwordChangedAt()).isEqualTo(NOW);
    }

    @Test
    void displayNamesAreKeptInComposedUnicode() {
        String decomposed = java.text.Normalizer.normalize("Lê Thị Thu Hà", java.text.Normalizer.Form.NFD);
        Account account = Account.register("id", new AccountDetails("hoidong9", decomposed, null,
                List.of("COUNCIL_MEMBER"), null, null), "mot-mat-khau-dai", PasswordPolicy.DEFAULT, PLAIN, NOW, "admin");
        assertThat(account.displayName()).isEqualTo("Lê Thị Thu Hà");
    }

    @Test
    void listsEveryBrokenRuleAtOnce() {
        AccountDetails details = new AccountDetails("x", " ", "not-an-email",
                List.of("LOCALITY_OFFICER", "MAYOR"), null, "SO-NNPTNT");
        assertThatThrownBy(() -> Account.register("id", details, "short", PasswordPolicy.DEFAULT, PLAIN, NOW, "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("account.invalid");
                    assertThat(codes(e)).containsExactlyInAnyOrder(
                            "username:account.username.invalid",
                            "displayName:account.display-name.required",
                            "email:account.email.invalid",
                            "roles:account.roles.unknown",
                            "locality:account.locality.required",
                            "agency:account.agency.not-allowed",
                            "password:password.too-short");
                    assertThat(e.violations()).filteredOn(v -> v.code().equals("password.too-short"))
                            .extracting(FieldViolation::arguments).containsExactly(List.of(12));
                });
    }

    @Test
    void localityOnlyForLocalityOfficersAndAgencyOnlyForDepartmentOfficers() {
        assertThat(new AccountDetails("tinh", "Tỉnh", null, List.of("PROVINCE_OFFICER"), "883", null).violations())
                .extracting(FieldViolation::code).containsExactly("account.locality.not-allowed");
        assertThat(new AccountDetails("so.ct", "Sở", null, List.of("DEPARTMENT_OFFICER"), null, null).violations())
                .extracting(FieldViolation::code).containsExactly("account.agency.required");
        assertThat(new AccountDetails("so.ct", "Sở", null, List.of("DEPARTMENT_OFFICER"), null, "so-nnptnt").violations())
                .isEmpty();
        assertThat(new AccountDetails("xa.test", "Xã", null, List.of("LOCALITY_OFFICER"), "30-280", null).violations())
                .extracting(FieldViolation::code).containsExactly("account.locality.invalid");
        assertThat(new AccountDetails("none", "Không", null, List.of(), null, null).violations())
                .extracting(FieldViolation::code).containsExactly("account.roles.required");
    }

    @Test
    void locksAfterTheConfiguredNumberOfConsecutiveFailures() {
        Account account = localityOfficer();
        for (int i = 1; i <= 4; i++) {
            assertThat(account.recordFailedLogin(NOW.plusSeconds(i), LOCKOUT)).isFalse();
        }
        assertThat(account.failedLoginCount()).isEqualTo(4);
        assertThat(account.loginStatus(NOW.plusSeconds(5))).isEqualTo(LoginStatus.ALLOWED);

        assertThat(account.recordFailedLogin(NOW.plusSeconds(5), LOCKOUT)).isTrue();
        assertThat(account.lockedUntil()).isEqualTo(NOW.plusSeconds(5).plus(Duration.ofMinutes(15)));
        assertThat(account.loginStatus(NOW.plusSeconds(6))).isEqualTo(LoginStatus.LOCKED);
        assertThat(account.recordFailedLogin(NOW.plusSeconds(7), LOCKOUT)).as("no extension while locked").isFalse();
        assertThat(account.lockedUntil()).isEqualTo(NOW.plusSeconds(5).plus(Duration.ofMinutes(15)));
        assertThatThrownBy(() -> account.recordSuccessfulLogin(NOW.plusSeconds(8))).isInstanceOf(IllegalStateException.class);

        Instant afterLock = NOW.plus(Duration.ofMinutes(16));
        assertThat(account.loginStatus(afterLock)).isEqualTo(LoginStatus.ALLOWED);
        assertThat(account.recordFailedLogin(afterLock, LOCKOUT)).isFalse();
        assertThat(account.failedLoginCount()).as("the count starts again after a lock expired").isEqualTo(1);
        assertThat(account.lockedUntil()).isNull();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        Account account = localityOfficer();
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(NOW, LOCKOUT);
        }
        account.recordSuccessfulLogin(NOW);
        assertThat(account.failedLoginCount()).isZero();
        assertThat(account.lastLoginAt()).isEqualTo(NOW);
        for (int i = 0; i < 4; i++) {
            assertThat(account.recordFailedLogin(NOW, LOCKOUT)).isFalse();
        }
        assertThat(account.loginStatus(NOW)).isEqualTo(LoginStatus.ALLOWED);
    }

    @Test
    void disabledAccountsCannotLogInAndEnablingLiftsALockout() {
        Account account = localityOfficer();
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW, LOCKOUT);
        }
        account.disable(NOW, "admin");
        assertThat(account.loginStatus(NOW)).isEqualTo(LoginStatus.DISABLED);
        assertThat(account.loginStatus(NOW.plus(Duration.ofDays(1)))).isEqualTo(LoginStatus.DISABLED);
        assertThat(account.recordFailedLogin(NOW, LOCKOUT)).isFalse();

        account.enable(NOW, "admin");
        assertThat(account.loginStatus(NOW)).isEqualTo(LoginStatus.ALLOWED);
        assertThat(account.failedLoginCount()).isZero();
        assertThat(account.lockedUntil()).isNull();
    }

    @Test
    void aResetPasswordFollowsThePolicyAndLiftsALockout() {
        Account account = localityOfficer();
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW, LOCKOUT);
        }
        assertThatThrownBy(() -> account.resetPassword("longxuyen", PasswordPolicy.DEFAULT, PLAIN, NOW, "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(codes(e))
                        .containsExactlyInAnyOrder("password:password.too-short", "password:password.equals-username"));
        account.resetPassword("Tam-thoi-2026-xyz", PasswordPolicy.DEFAULT, PLAIN, NOW.plusSeconds(60), "admin");
        assertThat(account.passwordHash()).isEqualTo("{plain}Tam-thoi-2026-xyz");
        assertThat(account.passwordChangedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(account.loginStatus(NOW)).isEqualTo(LoginStatus.ALLOWED);
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOne() {
        Account account = localityOfficer();
        assertThatThrownBy(() -> account.changePassword("wrong", "mot-mat-khau-moi", PasswordPolicy.DEFAULT, PLAIN, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(codes(e)).containsExactly("currentPassword:password.current-wrong"));
        assertThatThrownBy(() -> account.changePassword("mot-mat-khau-dai", "mot-mat-khau-dai", PasswordPolicy.DEFAULT,
                PLAIN, NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(codes(e)).containsExactly("newPassword:password.unchanged"));
        account.changePassword("mot-mat-khau-dai", "mot-mat-khau-moi", PasswordPolicy.DEFAULT, PLAIN, NOW);
        assertThat(PLAIN.matches("mot-mat-khau-moi", account.passwordHash())).isTrue();
    }

    @Test
    void stateRoundTrips() {
        Account account = localityOfficer();
        account.recordFailedLogin(NOW, LOCKOUT);
        Account restored = Account.restore(account.state());
        assertThat(restored.state()).isEqualTo(account.state());
    }
}
