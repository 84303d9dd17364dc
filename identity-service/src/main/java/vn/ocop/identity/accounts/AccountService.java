package vn.ocop.identity.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.Role;
import vn.ocop.identity.IdentityProperties;
import vn.ocop.identity.accounts.domain.Account;
import vn.ocop.identity.accounts.domain.AccountDetails;
import vn.ocop.identity.accounts.domain.LockoutPolicy;
import vn.ocop.identity.accounts.domain.PasswordGenerator;
import vn.ocop.identity.accounts.domain.PasswordHasher;
import vn.ocop.identity.accounts.domain.PasswordPolicy;

/** The use cases on accounts: administration, the holder's own password, and what logins record. */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final int LOGIN_RECORD_ATTEMPTS = 3;

    /** A new account, and the password generated for it (null when the administrator chose one). */
    public record Created(Account account, String generatedPassword) {
    }

    public record PasswordReset(Account account, String temporaryPassword) {
    }

    public record Page(List<Account> items, int page, int size, long totalElements) {

        public long totalPages() {
            return size == 0 ? 0 : (totalElements + size - 1) / size;
        }
    }

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final PasswordPolicy passwordPolicy;
    private final LockoutPolicy lockoutPolicy;
    private final PasswordGenerator generator = new PasswordGenerator();

    AccountService(AccountStore store, PasswordHasher hasher, Clock clock, IdentityProperties properties) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.passwordPolicy = new PasswordPolicy(properties.password().minLength());
        this.lockoutPolicy = new LockoutPolicy(properties.lockout().maxFailedAttempts(), properties.lockout().duration());
    }

    /**
     * Creates an account with the given password, or a generated one (returned once) when it is null or blank.
     * 422 listing every problem; 409 when the username is taken.
     */
    public Created create(AccountDetails details, String password, String actor) {
        boolean generate = password == null || password.isBlank();
        String rawPassword = generate ? generator.generate() : password;
        Account account = Account.register(UUID.randomUUID().toString(), details, rawPassword, passwordPolicy, hasher,
                now(), actor);
        if (store.findByUsername(account.username()).isPresent()) {
            throw new ConflictException("account.username-taken", account.username());
        }
        try {
            Account saved = store.save(account);
            log.info("Account {} created by {} with roles {}", saved.username(), actor, saved.roles());
            return new Created(saved, generate ? rawPassword : null);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("account.username-taken", account.username());
        }
    }

    public Account get(String id) {
        return store.findById(id).orElseThrow(() -> new NotFoundException("account.not-found", id));
    }

    public Optional<Account> findByUsername(String username) {
        return store.findByUsername(username);
    }

    public Account getByUsername(String username) {
        return store.findByUsername(username).orElseThrow(() -> new NotFoundException("account.not-found", username));
    }

    public Page search(Role role, String locality, int page, int size) {
        AccountStore.Slice slice = store.search(role, locality, page, size);
        return new Page(slice.items(), page, size, slice.total());
    }

    /** Disables the account; refused (409) for the last enabled province officer, who alone could undo it. */
    public Account disable(String id, Long expectedVersion, String actor) {
        Account account = current(id, expectedVersion);
        if (account.has(Role.PROVINCE_OFFICER) && account.enabled()
                && !store.existsEnabledWithRole(Role.PROVINCE_OFFICER, account.id())) {
            throw new ConflictException("account.last-province-officer");
        }
        account.disable(now(), actor);
        Account saved = store.save(account);
        log.info("Account {} disabled by {}", saved.username(), actor);
        return saved;
    }

    /** Enables the account and lifts a lockout. */
    public Account enable(String id, Long expectedVersion, String actor) {
        Account account = current(id, expectedVersion);
        account.enable(now(), actor);
        Account saved = store.save(account);
        log.info("Account {} enabled by {}", saved.username(), actor);
        return saved;
    }

    /** Sets a generated temporary password (returned once) and lifts a lockout. */
    public PasswordReset resetPassword(String id, Long expectedVersion, String actor) {
        Account account = current(id, expectedVersion);
        String temporary = generator.generate();
        account.resetPassword(temporary, passwordPolicy, hasher, now(), actor);
        Account saved = store.save(account);
        log.info("Password of account {} reset by {}", saved.username(), actor);
        return new PasswordReset(saved, temporary);
    }

    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        Account account = getByUsername(username);
        account.changePassword(currentPassword, newPassword, passwordPolicy, hasher, now());
        store.save(account);
        log.info("Account {} changed its password", account.username());
    }

    /** A wrong password for this username; true when it locked the account. Unknown usernames change nothing. */
    public boolean recordFailedLogin(String username) {
        Boolean locked = updateForLogin(username, account -> account.recordFailedLogin(now(), lockoutPolicy));
        if (Boolean.TRUE.equals(locked)) {
            log.warn("Account {} locked for {} after {} failed logins", AccountDetails.normalizeUsername(username),
                    lockoutPolicy.duration(), lockoutPolicy.maxFailedAttempts());
        }
        return Boolean.TRUE.equals(locked);
    }

    public void recordSuccessfulLogin(String username) {
        updateForLogin(username, account -> {
            account.recordSuccessfulLogin(now());
            return true;
        });
    }

    public void upgradePasswordHash(String username, String newHash) {
        updateForLogin(username, account -> {
            account.upgradePasswordHash(newHash);
            return true;
        });
    }

    public boolean provinceOfficerExists() {
        return store.existsWithRole(Role.PROVINCE_OFFICER);
    }

    public long count() {
        return store.count();
    }

    public PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    public LockoutPolicy lockoutPolicy() {
        return lockoutPolicy;
    }

    public Instant now() {
        return clock.instant();
    }

    private Account current(String id, Long expectedVersion) {
        Account account = get(id);
        if (expectedVersion != null && !expectedVersion.equals(account.version())) {
            throw new ConflictException("state.conflict-version");
        }
        return account;
    }

    /**
     * Applies a login-time change with a few retries when a concurrent login changed the account meanwhile. The
     * change returns whether anything needs writing (a false from a failed login on a locked account writes nothing).
     */
    private Boolean updateForLogin(String username, Function<Account, Boolean> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Account> found = store.findByUsername(username);
            if (found.isEmpty()) {
                return null;
            }
            Account account = found.get();
            int failuresBefore = account.failedLoginCount();
            Instant lockBefore = account.lockedUntil();
            Boolean result = change.apply(account);
            boolean unchanged = !Boolean.TRUE.equals(result) && failuresBefore == account.failedLoginCount()
                    && Objects.equals(lockBefore, account.lockedUntil());
            if (unchanged) {
                return result;
            }
            try {
                store.save(account);
                return result;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= LOGIN_RECORD_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
