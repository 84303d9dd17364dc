package vn.ocop.notification.reminders.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When reminders fire: a deadline is a local date; an offset of {@code n} days fires at {@code fireAt} local time
 * {@code n} days before it (a negative offset: after it). At any instant the due offset is the one that fired last;
 * a missed firing (the service was down) is caught up, but not later than {@code maxLateness}, and an offset
 * superseded by a later one is never sent.
 */
public record ReminderSchedule(LocalTime fireAt, ZoneId zone, Duration maxLateness) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public Instant fireInstant(LocalDate deadline, int daysBefore) {
        return deadline.minusDays(daysBefore).atTime(fireAt).atZone(zone).toInstant();
    }

    public Optional<Integer> dueOffset(LocalDate deadline, List<Integer> offsets, Instant now) {
        return offsets.stream()
                .filter(offset -> !fireInstant(deadline, offset).isAfter(now))
                .min(Comparator.naturalOrder())
                .filter(offset -> !fireInstant(deadline, offset).plus(maxLateness).isBefore(now));
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }
}
