package vn.ocop.identity.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.security.Role;
import vn.ocop.identity.accounts.domain.Account;

/** An {@link Account} as stored in the {@code accounts} collection. */
@Document("accounts")
class AccountDocument {

    @Id
    String id;
    @Indexed(unique = true)
    String username;
    String displayName;
    String email;
    @Indexed
    List<String> roles;
    @Indexed(sparse = true)
    String locality;
    String agency;
    String passwordHash;
    boolean enabled;
    int failedLoginCount;
    Instant lockedUntil;
    Instant passwordChangedAt;
    Instant lastLoginAt;
    Instant createdAt;
    String createdBy;
    Instant updatedAt;
    String updatedBy;
    @Version
    Long version;

    static AccountDocument of(Account account) {
        Account.State state = account.state();
        AccountDocument document = new AccountDocument();
        document.id = state.id();
        document.username = state.username();
        document.displayName = state.displayName();
        document.email = state.email();
        document.roles = state.roles().stream().sorted().map(Role::name).toList();
        document.locality = state.locality();
        document.agency = state.agency();
        document.passwordHash = state.passwordHash();
        document.enabled = state.enabled();
        document.failedLoginCount = state.failedLoginCount();
        document.lockedUntil = state.lockedUntil();
        document.passwordChangedAt = state.passwordChangedAt();
        document.lastLoginAt = state.lastLoginAt();
        document.createdAt = state.createdAt();
        document.createdBy = state.createdBy();
        document.updatedAt = state.updatedAt();
        document.updatedBy = state.updatedBy();
        document.version = state.version();
        return document;
    }

    Account toAccount() {
        EnumSet<Role> roleSet = EnumSet.noneOf(Role.class);
        if (roles != null) {
            for (String name : roles) {
                for (Role role : Role.values()) {
                    if (role.name().equals(name)) {
                        roleSet.add(role);
                    }
                }
            }
        }
        return Account.restore(new Account.State(id, username, displayName, email, roleSet, locality, agency,
                passwordHash, enabled, failedLoginCount, lockedUntil, passwordChangedAt, lastLoginAt, createdAt,
                createdBy, updatedAt, updatedBy, version));
    }
}
