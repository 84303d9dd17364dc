package vn.ocop.notification.webhooks.domain;

import java.time.Duration;
import java.util.Optional;

/** Exponential backoff: attempt n (1-based) failed → wait {@code initial × 2^(n-1)}, capped; none after the last. */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max) {

    public Optional<Duration> delayAfterFailedAttempt(int attempt) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = initial.multipliedBy(1L << Math.min(attempt - 1, 30));
        return Optional.of(delay.compareTo(max) > 0 ? max : delay);
    }
}
