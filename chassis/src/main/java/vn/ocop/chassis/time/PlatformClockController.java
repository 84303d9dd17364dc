package vn.ocop.chassis.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;

/**
 * Moves this service's {@link PlatformClock} forward. Registered only where {@code ocop.clock.adjustable=true}
 * (system tests, training copies): in production the path does not exist.
 */
@RestController
@RequestMapping("/admin/clock")
@PreAuthorize("hasRole('PROVINCE_OFFICER') or hasAuthority('SCOPE_ocop.ops')")
public class PlatformClockController {

    private final PlatformClock clock;

    public PlatformClockController(PlatformClock clock) {
        this.clock = clock;
    }

    public record ClockView(Instant now, long offsetSeconds) {
    }

    @GetMapping
    public ClockView current() {
        return view();
    }

    @PutMapping
    public ClockView moveTo(@RequestBody(required = false) Map<String, Object> body) {
        Object now = body == null ? null : body.get("now");
        if (!(now instanceof String text) || text.isBlank()) {
            throw new InvalidInputException("clock.invalid", List.of(FieldViolation.of("now", "clock.now-required")));
        }
        OffsetDateTime target;
        try {
            target = OffsetDateTime.parse(text);
        } catch (java.time.DateTimeException e) {
            throw new InvalidInputException("clock.invalid", List.of(FieldViolation.of("now", "clock.now-required")));
        }
        try {
            clock.moveTo(target.toInstant());
        } catch (IllegalArgumentException backwards) {
            throw new ConflictException("clock.backwards", clock.instant());
        }
        return view();
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.offset().toSeconds());
    }
}
