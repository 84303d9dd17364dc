package vn.ocop.identity.bootstrap;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.security.Role;
import vn.ocop.identity.IdentityProperties;
import vn.ocop.identity.accounts.AccountService;
import vn.ocop.identity.accounts.domain.AccountDetails;

/**
 * Outside the embedded mode: creates the first PROVINCE_OFFICER from {@code ocop.identity.bootstrap-admin.username}
 * and {@code .password} ({@code OCOP_BOOTSTRAP_ADMIN_USERNAME} / {@code OCOP_BOOTSTRAP_ADMIN_PASSWORD}) when no
 * province officer exists. Without them it only warns. A configured password that breaks the password policy stops
 * the start-up (better than an administrator who cannot log in). Once the admin exists the variables can (and
 * should) be removed.
 */
@Component
@Profile("!embedded")
@Order(10)
public class BootstrapAdmin implements ApplicationRunner {

    public enum Outcome {
        CREATED,
        PROVINCE_OFFICER_EXISTS,
        NOT_CONFIGURED
    }

    static final String ACTOR = "bootstrap";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountService accounts;
    private final IdentityProperties.BootstrapAdmin settings;

    @Autowired
    BootstrapAdmin(AccountService accounts, IdentityProperties properties) {
        this(accounts, properties.bootstrapAdmin());
    }

    public BootstrapAdmin(AccountService accounts, IdentityProperties.BootstrapAdmin settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        bootstrap();
    }

    public Outcome bootstrap() {
        if (accounts.provinceOfficerExists()) {
            log.info("A province officer exists: no bootstrap administrator is created");
            return Outcome.PROVINCE_OFFICER_EXISTS;
        }
        if (settings == null || !settings.configured()) {
            log.warn("No province officer exists and no bootstrap administrator is configured: set "
                    + "OCOP_BOOTSTRAP_ADMIN_USERNAME and OCOP_BOOTSTRAP_ADMIN_PASSWORD to create the first one");
            return Outcome.NOT_CONFIGURED;
        }
        AccountDetails details = new AccountDetails(settings.username(), settings.displayName(), null,
                List.of(Role.PROVINCE_OFFICER.name()), null, null);
        try {
            accounts.create(details, settings.password(), ACTOR);
        } catch (InvalidInputException e) {
            throw new IllegalStateException("The bootstrap administrator from OCOP_BOOTSTRAP_ADMIN_USERNAME / "
                    + "OCOP_BOOTSTRAP_ADMIN_PASSWORD is not acceptable: " + e.violations(), e);
        } catch (ConflictException usernameTaken) {
            if (accounts.provinceOfficerExists()) {
                return Outcome.PROVINCE_OFFICER_EXISTS;
            }
            throw new IllegalStateException("The bootstrap administrator's username " + details.normalizedUsername()
                    + " belongs to an existing account that is not a province officer", usernameTaken);
        }
        log.warn("Bootstrap administrator {} (PROVINCE_OFFICER) created from the configuration; remove "
                + "OCOP_BOOTSTRAP_ADMIN_PASSWORD from the environment now", details.normalizedUsername());
        return Outcome.CREATED;
    }
}
