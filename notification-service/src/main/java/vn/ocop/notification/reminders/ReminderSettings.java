package vn.ocop.notification.reminders;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.ocop.notification.reminders.domain.ReminderSchedule;

/**
 * {@code ocop.notification.reminders.*}: offsets in days before a deadline (negative: after it), the local time
 * reminders fire at, how late a missed firing may still be caught up; how long a pass's lock outlives a replica
 * that died during the pass (a live pass extends it for as long as it runs), and how many reminders a pass
 * delivers at once.
 */
@ConfigurationProperties("ocop.notification.reminders")
public record ReminderSettings(
        List<Integer> offsets,
        List<Integer> certificateOffsets,
        LocalTime fireAt,
        ZoneId zone,
        Duration maxLateness,
        Duration lockAtMostFor,
        Integer passConcurrency) {

    /** ShedLock's keep-alive extends a lock every half of this and refuses anything shorter. */
    static final Duration SHORTEST_LOCK = Duration.ofSeconds(30);

    public ReminderSettings {
        offsets = offsets == null ? List.of(14, 7, 1, -1) : List.copyOf(offsets);
        certificateOffsets = certificateOffsets == null ? List.of(90, 30) : List.copyOf(certificateOffsets);
        fireAt = fireAt == null ? LocalTime.of(8, 0) : fireAt;
        zone = zone == null ? ReminderSchedule.VIETNAM : zone;
        maxLateness = maxLateness == null ? Duration.ofDays(3) : maxLateness;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(2) : lockAtMostFor;
        if (lockAtMostFor.compareTo(SHORTEST_LOCK) < 0) {
            throw new IllegalArgumentException("ocop.notification.reminders.lock-at-most-for must be at least "
                    + SHORTEST_LOCK + ", was " + lockAtMostFor);
        }
        passConcurrency = passConcurrency == null ? 4 : passConcurrency;
        if (passConcurrency < 1) {
            throw new IllegalArgumentException("ocop.notification.reminders.pass-concurrency must be at least 1, was "
                    + passConcurrency);
        }
    }

    public ReminderSchedule schedule() {
        return new ReminderSchedule(fireAt, zone, maxLateness);
    }
}
