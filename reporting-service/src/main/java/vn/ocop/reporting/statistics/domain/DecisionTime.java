package vn.ocop.reporting.statistics.domain;

/**
 * Days from a dossier's first submission to its first decision (rated or not qualified).
 *
 * @param medianDays median (mean of the two middle values for an even count), one decimal; null without decisions
 * @param p90Days    90th percentile by nearest rank (the ⌈0.9·n⌉-th smallest), one decimal
 */
public record DecisionTime(long decided, Double medianDays, Double p90Days) {
}
