package vn.ocop.notification.reminders;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.ocop.notification.reminders.domain.ReminderSchedule;

/**
 * {@code ocop.notification.reminders.*}: offsets in days before a deadline (negative: after it), the local time
 * reminders fire at, how late a missed firing may still be caught up.
 */
@ConfigurationProperties("ocop.notification.reminders")
public record ReminderSettings(
        List<Integer> offsets,
        List<Integer> certificateOffsets,
        LocalTime fireAt,
        ZoneId zone,
        Duration maxLateness) {

    public ReminderSettings {
        offsets = offsets == null ? List.of(14, 7, 1, -1) : List.copyOf(offsets);
        certificateOffsets = certificateOffsets == null ? List.of(90, 30) : List.copyOf(certificateOffsets);
        fireAt = fireAt == null ? LocalTime.of(8, 0) : fireAt;
        zone = zone == null ? ReminderSchedule.VIETNAM : zone;
        maxLateness = maxLateness == null ? Duration.ofDays(3) : maxLateness;
    }

    public ReminderSchedule schedule() {
        return new ReminderSchedule(fireAt, zone, maxLateness);
    }
}
