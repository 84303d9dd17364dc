package vn.ocop.contracts.reporting;

/** Length of a reporting period (kỳ báo cáo). */
public enum ReportPeriodKind {
    QUARTER,
    HALF_YEAR,
    YEAR,
    AD_HOC
}
