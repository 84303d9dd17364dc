package vn.ocop.chassis.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time the service's business rules see (deadlines, validity of units and regimes, reminders, event times):
 * the system clock, or — to replay a past programme such as the 2020 round in a system test or a training copy —
 * the system clock shifted by an offset. It keeps ticking at the real rate and only ever moves forward, so nothing
 * scheduled for "later" (a webhook retry, a lease) can be pushed into a far future by a setting.
 *
 * <p>Security tokens and data expired by MongoDB's own clock (TTL indexes) must not use this clock: they use real
 * time whatever the setting.
 */
public final class PlatformClock extends Clock {

    private final Clock system;
    private final AtomicReference<Duration> offset;

    public PlatformClock(Clock system, Instant start) {
        this.system = system;
        this.offset = new AtomicReference<>(start == null ? Duration.ZERO : Duration.between(system.instant(), start));
    }

    public static PlatformClock system() {
        return new PlatformClock(Clock.systemUTC(), null);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(system, offset.get()).withZone(zone);
    }

    public Duration offset() {
        return offset.get();
    }

    /**
     * Moves the clock to {@code target}.
     *
     * @throws IllegalArgumentException if {@code target} is earlier than the current time of this clock
     */
    public Instant moveTo(Instant target) {
        Duration wanted = Duration.between(system.instant(), target);
        Duration before = offset.getAndAccumulate(wanted, (current, next) -> next.compareTo(current) < 0 ? current : next);
        if (wanted.compareTo(before) < 0) {
            throw new IllegalArgumentException("the platform clock only moves forward");
        }
        return instant();
    }
}
