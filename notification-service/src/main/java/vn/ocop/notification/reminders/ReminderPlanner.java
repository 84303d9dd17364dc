package vn.ocop.notification.reminders;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import vn.ocop.notification.notify.Notice;
import vn.ocop.notification.notify.Notifier;
import vn.ocop.notification.reminders.domain.Obligations;
import vn.ocop.notification.reminders.domain.ReminderSchedule;
import vn.ocop.notification.reminders.domain.ReminderTexts;
import vn.ocop.notification.reminders.domain.Shortfall;
import vn.ocop.notification.units.UnitDirectory;

/**
 * Sends the reminders that are due: for each open deadline, the offset that fired last, to each unit that still
 * owes something. The send key (deadline, unit, offset) is inserted before delivery, so each reminder goes out at
 * most once whatever the number of replicas or restarts; one replica at a time runs the pass (ShedLock, its lock
 * kept alive for as long as the pass runs). A pass delivers {@code pass-concurrency} reminders at once: each is a
 * few MongoDB round trips of its own, and one after the other a pass of 100,000 took about ten minutes.
 */
@Service
public class ReminderPlanner {

    private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

    private final Calendar calendar;
    private final MongoOperations mongo;
    private final Notifier notifier;
    private final ReminderSchedule schedule;
    private final ReminderTexts texts;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LockingTaskExecutor locks;
    private final Duration lockAtMostFor;
    private final int passConcurrency;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();

    /** The lock of a pass, the scheduled one's as the one an officer asks for. */
    static final String PASS_LOCK = "deadline-reminders";

    public ReminderPlanner(Calendar calendar, MongoOperations mongo, Notifier notifier, ReminderSettings settings,
            UnitDirectory units, Clock clock, MeterRegistry meters, LockProvider lockProvider) {
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.calendar = calendar;
        this.mongo = mongo;
        this.notifier = notifier;
        this.schedule = settings.schedule();
        this.texts = new ReminderTexts(units::name);
        this.clock = clock;
        this.meters = meters;
        this.lockAtMostFor = settings.lockAtMostFor();
        this.passConcurrency = settings.passConcurrency();
    }

    @PreDestroy
    void stop() {
        deliveries.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${ocop.notification.reminders.poll-interval:PT1M}",
            initialDelayString = "${ocop.notification.reminders.poll-interval:PT1M}")
    @SchedulerLock(name = PASS_LOCK, lockAtMostFor = "${ocop.notification.reminders.lock-at-most-for:PT2M}")
    public void scheduledPass() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("reminder pass failed, next pass retries: {}", e.toString());
        }
    }

    /**
     * A pass now, unless one is running (the scheduled one, or one asked for, here or on another replica): then
     * empty, and that pass delivers what is due. Two passes at once would each deliver what the other had only
     * decided yet (keys are idempotent, so no duplicates reach anyone, but the work is done twice).
     */
    public Optional<Integer> runNow() {
        try {
            LockingTaskExecutor.TaskResult<Integer> pass = locks.executeWithLock(
                    (LockingTaskExecutor.TaskWithResult<Integer>) this::runOnce,
                    // the lock lives on real time (ShedLock's clock), whatever the platform clock says
                    new LockConfiguration(ClockProvider.now(), PASS_LOCK, lockAtMostFor, Duration.ZERO));
            return pass.wasExecuted() ? Optional.of(pass.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One pass over the calendar, without the lock; returns the number of reminders delivered in it. A reminder that
     * fails (MongoDB unreachable) fails the pass once the others under way ended; the next pass delivers what is left.
     */
    public int runOnce() {
        Instant now = clock.instant();
        Pass pass = new Pass();
        for (DeadlineDocument deadline : calendar.open()) {
            if (deadline.dueDate() == null || deadline.offsets() == null) {
                continue;
            }
            LocalDate due = LocalDate.parse(deadline.dueDate());
            var offset = schedule.dueOffset(due, deadline.offsets(), now);
            if (offset.isEmpty()) {
                continue;
            }
            List<Shortfall> owed = shortfalls(deadline);
            Set<String> remindedBefore = sentTo(deadline, offset.get(), owed);
            for (Shortfall shortfall : owed) {
                if (!remindedBefore.contains(shortfall.unitCode())) {
                    pass.deliver(() -> remind(deadline, due, offset.get(), shortfall, now));
                }
            }
        }
        return pass.end();
    }

    /** The reminders of one pass, {@link #passConcurrency} at a time. */
    private final class Pass {
        private final Semaphore slots = new Semaphore(passConcurrency);
        private final AtomicInteger delivered = new AtomicInteger();
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        void deliver(BooleanSupplier reminder) {
            slots.acquireUninterruptibly();
            if (failure.get() != null) {
                slots.release();
                end(); // throws the failure once the reminders under way ended
            }
            deliveries.execute(() -> {
                try {
                    if (reminder.getAsBoolean()) {
                        delivered.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    slots.release();
                }
            });
        }

        /** Waits for the reminders under way; the number delivered, or the first failure. */
        int end() {
            slots.acquireUninterruptibly(passConcurrency);
            slots.release(passConcurrency);
            RuntimeException first = failure.get();
            if (first != null) {
                throw first;
            }
            return delivered.get();
        }
    }

    /**
     * The units of {@code owed} this offset's reminder was already delivered to, read in one query by send key: the
     * passes of every minute while an offset is current (up to {@code max-lateness}) would otherwise try the insert
     * and read back the send of every reminder again (a minute-long pass of nothing at 100,000 reminders).
     */
    private Set<String> sentTo(DeadlineDocument deadline, int offset, List<Shortfall> owed) {
        if (owed.isEmpty()) {
            return Set.of();
        }
        List<String> keys = owed.stream()
                .map(shortfall -> Obligations.reminderKey(deadline.id(), shortfall.unitCode(), offset)).toList();
        var sent = query(where("_id").in(keys).and("state").is(ReminderSend.State.SENT));
        sent.fields().include("unitCode");
        Set<String> units = new HashSet<>();
        mongo.find(sent, org.bson.Document.class, mongo.getCollectionName(ReminderSend.class))
                .forEach(send -> units.add(send.getString("unitCode")));
        return units;
    }

    private List<Shortfall> shortfalls(DeadlineDocument deadline) {
        return switch (deadline.kind()) {
            case ROUND_SUBMISSION -> {
                Map<String, Integer> targets = new LinkedHashMap<>();
                deadline.targets().forEach(target -> targets.put(target.localityCode(), target.products()));
                yield Obligations.round(targets, calendar.submittedProducts(deadline.reference()));
            }
            case PERIODIC_REPORT -> Obligations.missing(deadline.units(), calendar.reportedUnits(deadline.reference()));
            case CERTIFICATE_EXPIRY -> Obligations.informed(deadline.units());
            case CUSTOM -> Obligations.missing(deadline.units(), deadline.done() == null ? Set.of() : deadline.done());
        };
    }

    private boolean remind(DeadlineDocument deadline, LocalDate due, int offset, Shortfall shortfall, Instant now) {
        String key = Obligations.reminderKey(deadline.id(), shortfall.unitCode(), offset);
        var text = texts.render(deadline.kind(), deadline.label(), deadline.detail(), due, offset, shortfall,
                schedule.today(now));
        try {
            mongo.insert(new ReminderSend(key, deadline.id(), shortfall.unitCode(), offset, deadline.kind().name(),
                    ReminderSend.State.PENDING, text.bodyVi(), now, null));
        } catch (DuplicateKeyException decidedBefore) {
            ReminderSend earlier = mongo.findById(key, ReminderSend.class);
            if (earlier == null || earlier.state() == ReminderSend.State.SENT) {
                return false;
            }
            // interrupted after the decision: delivering again is safe, inbox and e-mail are keyed by the same key
        }
        notifier.notify(new Notice(key, shortfall.unitCode(), deadline.kind().noticeKind(), deadline.reference(), text));
        mongo.updateFirst(query(where("_id").is(key)),
                new Update().set("state", ReminderSend.State.SENT).set("sentAt", clock.instant()), ReminderSend.class);
        meters.counter("ocop.notification.reminders.sent", "kind", deadline.kind().name()).increment();
        return true;
    }

}
