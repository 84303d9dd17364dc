package vn.ocop.reporting.periods;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import vn.ocop.contracts.reporting.ReportPeriodKind;
import vn.ocop.contracts.reporting.ReportingUnitType;
import vn.ocop.reporting.statistics.domain.Statistics;

/** Requests and responses of the report-period API. */
final class PeriodApi {

    private PeriodApi() {
    }

    record OpenPeriod(
            @NotNull ReportPeriodKind kind,
            @NotBlank @Size(max = 200) String label,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotNull LocalDate dueDate,
            @NotEmpty @Size(max = 300) List<@Valid @NotNull UnitRef> units) {
    }

    record UnitRef(@NotNull ReportingUnitType unitType,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_.-]+") String unitCode) {
    }

    record SubmitReport(
            @NotNull @Size(max = 200) Map<@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String,
                    @NotNull BigDecimal> figures,
            @Size(max = 20000) String narrative,
            @Valid Attachment attachment) {
    }

    record Attachment(@NotBlank @Size(max = 200) String fileName, @Size(max = 100) String contentType,
            @NotBlank String contentBase64) {
    }

    record UnitView(String unitType, String unitCode, String unitName) {
    }

    record PeriodView(String periodId, String kind, String label, LocalDate startDate, LocalDate endDate,
            LocalDate dueDate, List<UnitView> units, Instant openedAt) {
    }

    record UnitStatus(String unitType, String unitCode, String unitName, boolean submitted, Instant submittedAt,
            boolean late) {
    }

    record PeriodStatus(String periodId, String label, LocalDate dueDate, long submitted, long missing,
            List<UnitStatus> units) {
    }

    record FigureView(String code, BigDecimal value) {
    }

    record ReportView(String reportId, String periodId, String unitType, String unitCode, String unitName,
            List<FigureView> figures, String narrative, String attachmentName, Instant submittedAt, boolean late) {
    }

    record ConsolidatedReport(PeriodView period, long submittedUnits, long missingUnits, List<UnitStatus> units,
            List<FigureView> figureTotals, List<ReportView> reports, Statistics statistics) {
    }
}
