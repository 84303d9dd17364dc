package vn.ocop.identity.seed;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.security.Role;
import vn.ocop.identity.accounts.AccountService;
import vn.ocop.identity.accounts.domain.AccountDetails;
import vn.ocop.identity.clients.ClientService;
import vn.ocop.identity.clients.domain.MachineClientSpec;

/**
 * Demo data of the embedded mode (Spring profile {@code embedded}, set by the launcher; never in compose or
 * production): a province officer, one locality officer per district-level unit of An Giang in 2020, three council
 * members, one department officer and the machine client {@code demo-catalogue}. Idempotent: only missing ones are
 * created, with generated passwords printed once in the log; existing ones keep theirs.
 */
@Component
@Profile("embedded")
@Order(10)
public class DemoSeeder implements ApplicationRunner {

    static final String ACTOR = "demo-seed";
    static final String DEMO_CLIENT_ID = "demo-catalogue";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    /** An account or client created by this run, with the secret to hand out. */
    public record Created(String username, String secret, String roles, String where, String displayName) {
    }

    public record Report(List<Created> created, int alreadyPresent) {
    }

    private final AccountService accounts;
    private final ClientService clients;

    DemoSeeder(AccountService accounts, ClientService clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        print(seed());
    }

    public Report seed() {
        List<Created> created = new ArrayList<>();
        int present = 0;
        for (AccountDetails details : demoAccounts()) {
            if (accounts.findByUsername(details.username()).isPresent()) {
                present++;
                continue;
            }
            try {
                AccountService.Created account = accounts.create(details, null, ACTOR);
                String where = account.account().locality() != null ? account.account().locality()
                        : account.account().agency() != null ? account.account().agency() : "";
                created.add(new Created(account.account().username(), account.generatedPassword(),
                        String.join(",", details.roles()), where, account.account().displayName()));
            } catch (ConflictException createdMeanwhile) {
                present++;
            }
        }
        if (clients.findByClientId(DEMO_CLIENT_ID).isPresent()) {
            present++;
        } else {
            try {
                ClientService.CreatedClient client = clients.createMachineClient(new MachineClientSpec(DEMO_CLIENT_ID,
                        "Demo: đọc danh mục sản phẩm OCOP", List.of("catalogue.read")), ACTOR);
                created.add(new Created(DEMO_CLIENT_ID, client.clientSecret(), "client_credentials",
                        "catalogue.read", client.client().name()));
            } catch (ConflictException createdMeanwhile) {
                present++;
            }
        }
        return new Report(created, present);
    }

    static List<AccountDetails> demoAccounts() {
        List<AccountDetails> demo = new ArrayList<>();
        demo.add(account("tinh.admin", "Nguyễn Thị Hồng Nhung", Role.PROVINCE_OFFICER, null, null));
        for (AdministrativeUnit unit : AdministrativeUnit.anGiang2020()) {
            demo.add(account(unit.username(), "Cán bộ OCOP " + unit.type() + " " + unit.name(), Role.LOCALITY_OFFICER,
                    unit.code(), null));
        }
        demo.add(account("hoidong1", "Trần Văn Minh", Role.COUNCIL_MEMBER, null, null));
        demo.add(account("hoidong2", "Lê Thị Thu Hà", Role.COUNCIL_MEMBER, null, null));
        demo.add(account("hoidong3", "Phạm Quốc Bảo", Role.COUNCIL_MEMBER, null, null));
        demo.add(account("so.nnptnt", "Cán bộ Sở Nông nghiệp và Phát triển nông thôn", Role.DEPARTMENT_OFFICER, null,
                "SO-NNPTNT"));
        return demo;
    }

    private static AccountDetails account(String username, String displayName, Role role, String locality, String agency) {
        return new AccountDetails(username, displayName, null, List.of(role.name()), locality, agency);
    }

    private static void print(Report report) {
        StringBuilder text = new StringBuilder();
        text.append("\n================ OCOP demo accounts (embedded mode only) ================\n");
        if (report.created().isEmpty()) {
            text.append("No demo account was created at this start.\n");
        } else {
            text.append(String.format("%-16s %-44s %-20s %-10s %s%n", "username", "password / secret", "role", "code",
                    "name"));
            for (Created created : report.created()) {
                text.append(String.format("%-16s %-44s %-20s %-10s %s%n", created.username(), created.secret(),
                        created.roles(), created.where(), created.displayName()));
            }
        }
        if (report.alreadyPresent() > 0) {
            text.append(report.alreadyPresent())
                    .append(" demo account(s)/client(s) existed already and keep their passwords "
                            + "(a province officer can reset them: POST /api/accounts/{id}/reset-password).\n");
        }
        text.append("==========================================================================");
        log.warn(text.toString());
    }
}
