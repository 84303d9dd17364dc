package vn.ocop.contracts.reporting;

/** Who reports: a locality (xã/huyện) or a provincial department (sở, ngành). */
public enum ReportingUnitType {
    LOCALITY,
    DEPARTMENT
}
