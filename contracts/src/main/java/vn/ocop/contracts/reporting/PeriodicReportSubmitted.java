package vn.ocop.contracts.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import vn.ocop.contracts.OcopEvent;

/**
 * A locality or department submitted its periodic report (báo cáo định kỳ) for a period.
 *
 * @param figures   indicator code → value, in the order the unit entered them
 * @param narrative nullable free text
 */
public record PeriodicReportSubmitted(
        String periodId,
        String reportId,
        ReportingUnitType unitType,
        String unitCode,
        Map<String, BigDecimal> figures,
        String narrative,
        boolean hasAttachment,
        Instant submittedAt,
        String submittedBy) implements OcopEvent {

    public PeriodicReportSubmitted {
        Objects.requireNonNull(figures, "figures is required");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
