package vn.ocop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Repetitions of one measured figure: the median with the range (min–max), as the report states every figure. */
public record Reps(List<Double> values) {

    public Reps {
        values = List.copyOf(values);
    }

    public static Reps of(double... values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return new Reps(list);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The median; with an even count, the mean of the two middle values. NaN when empty. */
    public double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    public double min() {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** "12.3 (11.9–13.0, n=3)" with the given number of decimals. */
    public String format(int decimals) {
        if (values.isEmpty()) {
            return "n/a";
        }
        if (values.size() == 1) {
            return Report.number(median(), decimals) + " (n=1)";
        }
        return Report.number(median(), decimals) + " (" + Report.number(min(), decimals) + "–"
                + Report.number(max(), decimals) + ", n=" + values.size() + ")";
    }

    /** Ratio of the medians, this / other. */
    public double ratioTo(Reps other) {
        return median() / other.median();
    }
}
