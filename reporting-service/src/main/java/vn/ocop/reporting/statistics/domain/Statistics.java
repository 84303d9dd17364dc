package vn.ocop.reporting.statistics.domain;

import java.time.LocalDate;
import java.util.List;

/** The figures of a filter, broken down by one dimension, with the round progress table. */
public record Statistics(
        StatisticsFilter filter,
        LocalDate asOf,
        GroupBy groupBy,
        Figures totals,
        List<StatisticsRow> rows,
        List<ProgressRow> progress) {

    public Statistics {
        rows = List.copyOf(rows);
        progress = List.copyOf(progress);
    }
}
