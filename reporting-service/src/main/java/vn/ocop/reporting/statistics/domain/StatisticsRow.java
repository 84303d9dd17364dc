package vn.ocop.reporting.statistics.domain;

/** One row of a breakdown: the key of its dimension (locality code, criteria set, group, round id, stars). */
public record StatisticsRow(String key, Figures figures) {
}
