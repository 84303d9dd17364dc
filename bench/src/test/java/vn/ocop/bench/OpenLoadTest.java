package vn.ocop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OpenLoadTest {

    @Test
    void sendsAtTheFixedRateAndRecordsOnlyTheMeasuredWindow() {
        AtomicLong sent = new AtomicLong();
        LatencyStats stats = OpenLoad.run(1000, Duration.ofMillis(200), Duration.ofMillis(500), 64, i -> {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(true);
        });
        assertThat(sent.get()).isEqualTo(700);
        assertThat(stats.ok()).isBetween(499L, 501L);
        assertThat(stats.errors()).isZero();
        assertThat(stats.throughput()).isBetween(900.0, 1010.0);
    }

    @Test
    void latencyIsMeasuredFromTheIntendedTimeSoAStallIsChargedToEveryRequestItDelayed() {
        // One slot: a single 100 ms response holds back the ~100 requests due after it. Measured from their actual
        // send time they would look instant; from their intended time they show the queueing they suffered.
        LatencyStats stats = OpenLoad.run(1000, Duration.ZERO, Duration.ofMillis(400), 1, i -> i == 100
                ? CompletableFuture.supplyAsync(() -> true, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
                : CompletableFuture.completedFuture(true));
        assertThat(stats.ok()).isEqualTo(400);
        assertThat(stats.p50()).isLessThan(30.0);
        assertThat(stats.p90()).isGreaterThan(40.0);
        assertThat(stats.max()).isGreaterThanOrEqualTo(99.0);
    }

    @Test
    void failuresAndExceptionsAreErrorsNotLatencies() {
        LatencyStats stats = OpenLoad.run(500, Duration.ZERO, Duration.ofMillis(100), 16, i -> {
            if (i % 10 == 0) {
                throw new IllegalStateException("boom");
            }
            return CompletableFuture.completedFuture(i % 10 != 1);
        });
        assertThat(stats.errors()).isEqualTo(10);
        assertThat(stats.ok()).isEqualTo(40);
        assertThat(stats.sustains(500, 50)).isFalse();
    }

    @Test
    void statsReadPercentilesInMilliseconds() {
        Histogram micros = LatencyStats.newHistogram();
        for (int i = 1; i <= 100; i++) {
            micros.recordValue(i * 1000L);
        }
        LatencyStats stats = LatencyStats.of(micros, 0, 1.0);
        assertThat(stats.p50()).isBetween(49.9, 50.1);
        assertThat(stats.p99()).isBetween(98.9, 99.1);
        assertThat(stats.throughput()).isEqualTo(100.0);
        assertThat(stats.sustains(100, 100)).isTrue();
        assertThat(stats.sustains(100, 50)).isFalse();
        assertThat(stats.sustains(200, 100)).isFalse();
    }
}
