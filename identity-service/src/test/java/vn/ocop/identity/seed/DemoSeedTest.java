package vn.ocop.identity.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import vn.ocop.chassis.security.Role;
import vn.ocop.identity.accounts.AccountService;
import vn.ocop.identity.accounts.domain.Account;
import vn.ocop.identity.bootstrap.BootstrapAdmin;
import vn.ocop.identity.clients.ClientService;
import vn.ocop.infra.testing.OcopInfraTest;

/** The embedded profile seeds the demo accounts once; a later start creates nothing and keeps their passwords. */
@OcopInfraTest
@SpringBootTest(properties = "spring.mongodb.database=ocop-identity-seed")
@ActiveProfiles("embedded")
class DemoSeedTest {

    static final Map<String, String> LOCALITIES = Map.ofEntries(
            Map.entry("longxuyen", "883"), Map.entry("chaudoc", "884"), Map.entry("anphu", "886"),
            Map.entry("tanchau", "887"), Map.entry("phutan", "888"), Map.entry("chauphu", "889"),
            Map.entry("tinhbien", "890"), Map.entry("triton", "891"), Map.entry("chauthanh", "892"),
            Map.entry("chomoi", "893"), Map.entry("thoaison", "894"));

    @Autowired
    AccountService accounts;

    @Autowired
    ClientService clients;

    @Autowired
    DemoSeeder seeder;

    @Autowired
    ApplicationContext context;

    @Test
    void theSixteenDemoAccountsExistWithTheirRoles() {
        assertThat(accounts.count()).isEqualTo(16);
        Account province = accounts.getByUsername("tinh.admin");
        assertThat(province.roles()).containsExactly(Role.PROVINCE_OFFICER);
        assertThat(province.displayName()).isEqualTo("Nguyễn Thị Hồng Nhung");

        LOCALITIES.forEach((username, code) -> {
            Account officer = accounts.getByUsername(username);
            assertThat(officer.roles()).containsExactly(Role.LOCALITY_OFFICER);
            assertThat(officer.locality()).as(username).isEqualTo(code);
        });
        assertThat(accounts.getByUsername("chaudoc").displayName()).isEqualTo("Cán bộ OCOP thành phố Châu Đốc");
        assertThat(accounts.getByUsername("tanchau").displayName()).isEqualTo("Cán bộ OCOP thị xã Tân Châu");

        for (String member : new String[] {"hoidong1", "hoidong2", "hoidong3"}) {
            assertThat(accounts.getByUsername(member).roles()).containsExactly(Role.COUNCIL_MEMBER);
        }
        Account department = accounts.getByUsername("so.nnptnt");
        assertThat(department.roles()).containsExactly(Role.DEPARTMENT_OFFICER);
        assertThat(department.agency()).isEqualTo("SO-NNPTNT");
        assertThat(department.locality()).isNull();

        assertThat(clients.findByClientId("demo-catalogue")).hasValueSatisfying(client -> {
            assertThat(client.scopes()).containsExactly("catalogue.read");
            assertThat(client.kind()).isEqualTo("MACHINE");
            assertThat(client.enabled()).isTrue();
        });
    }

    @Test
    void aSecondRunCreatesNothingAndKeepsThePasswords() {
        String hashBefore = accounts.getByUsername("longxuyen").passwordHash();
        DemoSeeder.Report again = seeder.seed();
        assertThat(again.created()).isEmpty();
        assertThat(again.alreadyPresent()).isEqualTo(17);
        assertThat(accounts.count()).isEqualTo(16);
        assertThat(accounts.getByUsername("longxuyen").passwordHash()).isEqualTo(hashBefore);
    }

    @Test
    void noBootstrapAdministratorInTheEmbeddedMode() {
        assertThat(context.getBeanNamesForType(BootstrapAdmin.class)).isEmpty();
    }
}
