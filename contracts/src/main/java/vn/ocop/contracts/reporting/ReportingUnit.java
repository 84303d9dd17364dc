package vn.ocop.contracts.reporting;

/**
 * A unit that owes a report for a period: a locality code or a department (agency) code.
 */
public record ReportingUnit(ReportingUnitType unitType, String unitCode) {
}
