package vn.ocop.identity.accounts.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.security.Role;

/**
 * An agency user account. Invariants: a unique lower-case username, a display name, at least one role, a
 * locality exactly when it is a LOCALITY_OFFICER and an agency exactly when it is a DEPARTMENT_OFFICER, and
 * always a password hash. Disabled or locked accounts cannot log in; {@link #recordFailedLogin} locks the account
 * after the policy's number of consecutive failures, a successful login resets the count.
 */
public final class Account {

    /** Everything an account holds, for storing and restoring it. */
    public record State(String id, String username, String displayName, String email, Set<Role> roles,
            String locality, String agency, String passwordHash, boolean enabled, int failedLoginCount,
            Instant lockedUntil, Instant passwordChangedAt, Instant lastLoginAt, Instant createdAt, String createdBy,
            Instant updatedAt, String updatedBy, Long version) {

        public State {
            roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }
    }

    private final String id;
    private final String username;
    private final String displayName;
    private final String email;
    private final Set<Role> roles;
    private final String locality;
    private final String agency;
    private final Instant createdAt;
    private final String createdBy;
    private final Long version;
    private String passwordHash;
    private boolean enabled;
    private int failedLoginCount;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    private Instant lastLoginAt;
    private Instant updatedAt;
    private String updatedBy;

    private Account(State state) {
        this.id = Objects.requireNonNull(state.id(), "id");
        this.username = Objects.requireNonNull(state.username(), "username");
        this.displayName = state.displayName();
        this.email = state.email();
        this.roles = state.roles();
        this.locality = state.locality();
        this.agency = state.agency();
        this.passwordHash = Objects.requireNonNull(state.passwordHash(), "passwordHash");
        this.enabled = state.enabled();
        this.failedLoginCount = state.failedLoginCount();
        this.lockedUntil = state.lockedUntil();
        this.passwordChangedAt = state.passwordChangedAt();
        this.lastLoginAt = state.lastLoginAt();
        this.createdAt = state.createdAt();
        this.createdBy = state.createdBy();
        this.updatedAt = state.updatedAt();
        this.updatedBy = state.updatedBy();
        this.version = state.version();
    }

    /**
     * A new, enabled account. Checks the details and the password together and refuses with every problem
     * listed ({@code account.invalid}, 422).
     */
    public static Account register(String id, AccountDetails details, String rawPassword, PasswordPolicy policy,
            PasswordHasher hasher, Instant now, String createdBy) {
        List<FieldViolation> violations = new ArrayList<>(details.violations());
        violations.addAll(policy.check(rawPassword, details.normalizedUsername(), "password"));
        if (!violations.isEmpty()) {
            throw new InvalidInputException("account.invalid", violations);
        }
        return new Account(new State(id, details.normalizedUsername(), details.normalizedDisplayName(),
                details.normalizedEmail(), details.roleSet(), details.normalizedLocality(), details.normalizedAgency(),
                hasher.hash(rawPassword), true, 0, null, now, null, now, createdBy, now, createdBy, null));
    }

    public static Account restore(State state) {
        return new Account(state);
    }

    public State state() {
        return new State(id, username, displayName, email, roles, locality, agency, passwordHash, enabled,
                failedLoginCount, lockedUntil, passwordChangedAt, lastLoginAt, createdAt, createdBy, updatedAt,
                updatedBy, version);
    }

    public LoginStatus loginStatus(Instant now) {
        if (!enabled) {
            return LoginStatus.DISABLED;
        }
        return isLocked(now) ? LoginStatus.LOCKED : LoginStatus.ALLOWED;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * A wrong password was given. Returns true when this failure locked the account. Failures while the account
     * is disabled or already locked change nothing (they neither extend the lock nor count); after a lock has
     * expired the count starts again from zero.
     */
    public boolean recordFailedLogin(Instant now, LockoutPolicy policy) {
        if (!enabled || isLocked(now)) {
            return false;
        }
        if (lockedUntil != null) {
            lockedUntil = null;
            failedLoginCount = 0;
        }
        failedLoginCount++;
        if (failedLoginCount >= policy.maxFailedAttempts()) {
            lockedUntil = now.plus(policy.duration());
            return true;
        }
        return false;
    }

    /** A successful login: the consecutive-failure count starts again. */
    public void recordSuccessfulLogin(Instant now) {
        if (loginStatus(now) != LoginStatus.ALLOWED) {
            throw new IllegalStateException("account " + username + " may not log in now");
        }
        failedLoginCount = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public void disable(Instant now, String by) {
        enabled = false;
        touch(now, by);
    }

    /** Enables the account and lifts any lockout. */
    public void enable(Instant now, String by) {
        enabled = true;
        clearLockout();
        touch(now, by);
    }

    /** An administrator set a new password: checked against the policy; any lockout is lifted. */
    public void resetPassword(String rawPassword, PasswordPolicy policy, PasswordHasher hasher, Instant now, String by) {
        List<FieldViolation> violations = policy.check(rawPassword, username, "password");
        if (!violations.isEmpty()) {
            throw new InvalidInputException("password.invalid", violations);
        }
        passwordHash = hasher.hash(rawPassword);
        passwordChangedAt = now;
        clearLockout();
        touch(now, by);
    }

    /** The holder changes the password, proving the current one. */
    public void changePassword(String currentPassword, String newPassword, PasswordPolicy policy, PasswordHasher hasher,
            Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (currentPassword == null || !hasher.matches(currentPassword, passwordHash)) {
            violations.add(FieldViolation.of("currentPassword", "password.current-wrong"));
        }
        violations.addAll(policy.check(newPassword, username, "newPassword"));
        if (violations.isEmpty() && hasher.matches(newPassword, passwordHash)) {
            violations.add(FieldViolation.of("newPassword", "password.unchanged"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("password.invalid", violations);
        }
        passwordHash = hasher.hash(newPassword);
        passwordChangedAt = now;
        touch(now, username);
    }

    /** Re-hashes with the current algorithm (the stored hash was made with an older one). */
    public void upgradePasswordHash(String newHash) {
        passwordHash = Objects.requireNonNull(newHash);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    private void clearLockout() {
        failedLoginCount = 0;
        lockedUntil = null;
    }

    private void touch(Instant now, String by) {
        updatedAt = now;
        updatedBy = by;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<Role> roles() {
        return roles;
    }

    public String locality() {
        return locality;
    }

    public String agency() {
        return agency;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public int failedLoginCount() {
        return failedLoginCount;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Long version() {
        return version;
    }
}
