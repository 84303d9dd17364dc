package vn.ocop.reporting.statistics.domain;

/** The dimension of a statistics table's rows. */
public enum GroupBy {
    LOCALITY,
    CRITERIA_SET,
    PRODUCT_GROUP,
    ROUND,
    STARS
}
