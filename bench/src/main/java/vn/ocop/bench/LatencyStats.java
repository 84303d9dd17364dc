package vn.ocop.bench;

import org.HdrHistogram.Histogram;

/**
 * What one timed phase measured: latencies in milliseconds from a histogram recorded in microseconds, the count of
 * successful and failed operations and the throughput achieved over the measured window.
 */
public record LatencyStats(long ok, long errors, double seconds, double throughput, double p50, double p90,
        double p99, double p999, double max, double mean) {

    public static LatencyStats of(Histogram micros, long errors, double seconds) {
        long ok = micros.getTotalCount();
        return new LatencyStats(ok, errors, seconds, seconds <= 0 ? 0 : ok / seconds,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()),
                ok == 0 ? Double.NaN : micros.getMean() / 1000.0);
    }

    /** A histogram for latencies from 1 µs to 10 minutes at 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(1, 600_000_000L, 3);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** The phase met an SLO of p99 ≤ {@code p99Ms} with no error and at least 95 % of the offered rate. */
    public boolean sustains(double offeredRate, double p99Ms) {
        return ok > 0 && errors == 0 && p99 <= p99Ms && throughput >= 0.95 * offeredRate;
    }
}
