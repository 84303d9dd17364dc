package vn.ocop.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: operation {@code i} is due at {@code start + i / rate}, whatever happened to the
 * operations before it (arrivals do not wait for completions, as real users do not). Latency is measured from that
 * intended time, not from the moment the request actually left: when the generator or the connection pool falls
 * behind, the queueing delay is charged to the system (coordinated-omission correction). Operations due during the
 * warm-up are sent but not recorded. {@code maxInFlight} bounds open requests; a send waiting for a slot still has its
 * latency counted from its intended time.
 */
public final class OpenLoad {

    private OpenLoad() {
    }

    /** One timed phase; {@code operation} gets the operation's index and completes with true on success. */
    public static LatencyStats run(double ratePerSecond, Duration warmup, Duration measure, int maxInFlight,
            LongFunction<CompletableFuture<Boolean>> operation) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        double periodNanos = 1e9 / ratePerSecond;
        long total = (long) Math.ceil(ratePerSecond * (warmup.toNanos() + measure.toNanos()) / 1e9);
        long start = System.nanoTime() + 20_000_000L;
        long measureStart = start + warmup.toNanos();
        Histogram histogram = LatencyStats.newHistogram();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong(measureStart);
        Semaphore slots = new Semaphore(maxInFlight);
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * periodNanos);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            slots.acquireUninterruptibly();
            boolean measured = intended >= measureStart;
            CompletableFuture<Boolean> result;
            try {
                result = operation.apply(i);
            } catch (RuntimeException e) {
                result = CompletableFuture.completedFuture(false);
            }
            result.whenComplete((ok, failure) -> {
                long now = System.nanoTime();
                if (measured) {
                    if (failure == null && Boolean.TRUE.equals(ok)) {
                        long micros = Math.max(1, (now - intended) / 1000);
                        synchronized (histogram) {
                            histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                        }
                    } else {
                        errors.incrementAndGet();
                    }
                    lastCompletion.accumulateAndGet(now, Math::max);
                }
                slots.release();
            });
        }
        try {
            if (!slots.tryAcquire(maxInFlight, 120, TimeUnit.SECONDS)) {
                errors.addAndGet(maxInFlight - slots.availablePermits());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = Math.max(measure.toNanos(), lastCompletion.get() - measureStart) / 1e9;
        synchronized (histogram) {
            return LatencyStats.of(histogram.copy(), errors.get(), seconds);
        }
    }
}
