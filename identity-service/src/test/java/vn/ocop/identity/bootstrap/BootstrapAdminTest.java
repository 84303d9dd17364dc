package vn.ocop.identity.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;

import vn.ocop.chassis.security.Role;
import vn.ocop.identity.IdentityProperties;
import vn.ocop.identity.accounts.AccountService;
import vn.ocop.identity.accounts.domain.Account;
import vn.ocop.identity.support.Http;
import vn.ocop.identity.support.IdentityIntegrationTest;

/** The first province officer comes from the configuration, only while there is none. */
class BootstrapAdminTest extends IdentityIntegrationTest {

    @Autowired
    AccountService accounts;

    @Test
    void theConfiguredAdministratorWasCreatedAtStartAndCanLogIn() {
        Account admin = accounts.getByUsername(BOOTSTRAP_ADMIN);
        assertThat(admin.roles()).containsExactly(Role.PROVINCE_OFFICER);
        assertThat(admin.displayName()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(admin.createdBy()).isEqualTo("bootstrap");
        assertThat(admin.passwordHash()).startsWith("{argon2}");
        assertThat(Http.loginSucceeded(http().login(BOOTSTRAP_ADMIN, BOOTSTRAP_PASSWORD))).isTrue();
    }

    @Test
    void nothingIsCreatedOnceAProvinceOfficerExists() {
        long before = accounts.count();
        BootstrapAdmin another = new BootstrapAdmin(accounts,
                new IdentityProperties.BootstrapAdmin("quantri.khac", "Mat-khau-khac-2026", "Người khác"));
        assertThat(another.bootstrap()).isEqualTo(BootstrapAdmin.Outcome.PROVINCE_OFFICER_EXISTS);
        assertThat(accounts.findByUsername("quantri.khac")).isEmpty();
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void withoutConfigurationNothingIsCreated() {
        BootstrapAdmin unconfigured = new BootstrapAdmin(withoutProvinceOfficer(),
                new IdentityProperties.BootstrapAdmin("", "", "Quản trị viên"));
        long before = accounts.count();
        assertThat(unconfigured.bootstrap()).isEqualTo(BootstrapAdmin.Outcome.NOT_CONFIGURED);
        assertThat(accounts.count()).isEqualTo(before);
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStart() {
        BootstrapAdmin weak = new BootstrapAdmin(withoutProvinceOfficer(),
                new IdentityProperties.BootstrapAdmin("quantri.yeu", "ngan", "Quản trị viên"));
        assertThatThrownBy(weak::bootstrap).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("password.too-short");
        assertThat(accounts.findByUsername("quantri.yeu")).isEmpty();
    }

    /** The real service, except that it reports no province officer (as on an empty database). */
    private AccountService withoutProvinceOfficer() {
        AccountService spy = Mockito.spy(accounts);
        Mockito.doReturn(false).when(spy).provinceOfficerExists();
        return spy;
    }
}
