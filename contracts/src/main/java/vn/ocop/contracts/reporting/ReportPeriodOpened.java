package vn.ocop.contracts.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import vn.ocop.contracts.OcopEvent;

/**
 * The provincial standing office opened a reporting period (kỳ báo cáo): the listed units report by the due date.
 */
public record ReportPeriodOpened(
        String periodId,
        ReportPeriodKind kind,
        String label,
        LocalDate startDate,
        LocalDate endDate,
        LocalDate dueDate,
        List<ReportingUnit> reportingUnits,
        Instant openedAt,
        String openedBy) implements OcopEvent {

    public ReportPeriodOpened {
        reportingUnits = List.copyOf(Objects.requireNonNull(reportingUnits, "reportingUnits is required"));
    }
}
