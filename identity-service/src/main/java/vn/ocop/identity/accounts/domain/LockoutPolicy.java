package vn.ocop.identity.accounts.domain;

import java.time.Duration;

/** After {@code maxFailedAttempts} consecutive failed logins the account is locked for {@code duration}. */
public record LockoutPolicy(int maxFailedAttempts, Duration duration) {

    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (maxFailedAttempts < 1) {
            throw new IllegalArgumentException("maxFailedAttempts must be at least 1");
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the lockout duration must be positive");
        }
    }
}
