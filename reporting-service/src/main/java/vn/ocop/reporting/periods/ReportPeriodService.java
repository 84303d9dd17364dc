package vn.ocop.reporting.periods;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.ForbiddenException;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.chassis.security.Role;
import vn.ocop.contracts.reporting.PeriodicReportSubmitted;
import vn.ocop.contracts.reporting.ReportPeriodOpened;
import vn.ocop.contracts.reporting.ReportingUnit;
import vn.ocop.contracts.reporting.ReportingUnitType;
import vn.ocop.reporting.localities.Localities;
import vn.ocop.reporting.periods.PeriodApi.ConsolidatedReport;
import vn.ocop.reporting.periods.PeriodApi.FigureView;
import vn.ocop.reporting.periods.PeriodApi.PeriodStatus;
import vn.ocop.reporting.periods.PeriodApi.PeriodView;
import vn.ocop.reporting.periods.PeriodApi.ReportView;
import vn.ocop.reporting.periods.PeriodApi.UnitStatus;
import vn.ocop.reporting.periods.PeriodApi.UnitView;
import vn.ocop.reporting.statistics.StatisticsService;
import vn.ocop.reporting.statistics.domain.GroupBy;
import vn.ocop.reporting.statistics.domain.StatisticsFilter;

/**
 * Report periods and unit submissions. Who may do what: the province opens periods and reads everything;
 * departments read every period, status and report and submit their own; a locality reads the periods it
 * reports in, its own status and report, and submits its own.
 */
@Service
public class ReportPeriodService {

    static final int MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

    private final ReportPeriodRepository periods;
    private final PeriodicReportRepository reports;
    private final StatisticsService statistics;
    private final Localities localities;
    private final Clock clock;

    public ReportPeriodService(ReportPeriodRepository periods, PeriodicReportRepository reports,
            StatisticsService statistics, Localities localities, Clock clock) {
        this.periods = periods;
        this.reports = reports;
        this.statistics = statistics;
        this.localities = localities;
        this.clock = clock;
    }

    PeriodView open(AgencyPrincipal me, PeriodApi.OpenPeriod request) {
        if (!me.isProvinceOfficer()) {
            throw new ForbiddenException("period.forbidden");
        }
        List<FieldViolation> violations = new ArrayList<>();
        if (request.endDate().isBefore(request.startDate())) {
            violations.add(FieldViolation.of("endDate", "period.end-before-start"));
        }
        if (request.dueDate().isBefore(request.startDate())) {
            violations.add(FieldViolation.of("dueDate", "period.due-before-start"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.units().size(); i++) {
            PeriodApi.UnitRef unit = request.units().get(i);
            if (!seen.add(unit.unitType() + ":" + canonical(unit.unitType().name(), unit.unitCode()))) {
                violations.add(FieldViolation.of("units[" + i + "]", "period.duplicate-unit", unit.unitCode()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("request.invalid-fields", violations);
        }
        Instant now = clock.instant();
        ReportPeriodDocument period = new ReportPeriodDocument();
        period.setId(UUID.randomUUID().toString());
        period.setKind(request.kind().name());
        period.setLabel(request.label().trim());
        period.setStartDate(request.startDate().toString());
        period.setEndDate(request.endDate().toString());
        period.setDueDate(request.dueDate().toString());
        period.setUnits(request.units().stream()
                .map(unit -> new ReportPeriodDocument.Unit(unit.unitType().name(),
                        canonical(unit.unitType().name(), unit.unitCode()))).toList());
        period.setOpenedAt(now);
        period.setOpenedBy(me.subject());
        period.recordEvent(new ReportPeriodOpened(period.getId(), request.kind(), period.getLabel(),
                request.startDate(), request.endDate(), request.dueDate(),
                request.units().stream().map(unit -> new ReportingUnit(unit.unitType(),
                        canonical(unit.unitType().name(), unit.unitCode()))).toList(),
                now, me.subject()), period.getId(), now);
        ReportPeriodDocument saved = periods.insert(period);
        return view(saved);
    }

    List<PeriodView> list(AgencyPrincipal me) {
        requireReader(me);
        return periods.findAll().stream()
                .filter(period -> readsAll(me) || reportsIn(me, period))
                .sorted(Comparator.comparing(ReportPeriodDocument::getStartDate).reversed()
                        .thenComparing(ReportPeriodDocument::getId))
                .map(this::view).toList();
    }

    PeriodView get(AgencyPrincipal me, String periodId) {
        return view(readable(me, periodId));
    }

    ReportView submit(AgencyPrincipal me, String periodId, PeriodApi.SubmitReport request) {
        ReportingUnit unit = ownUnit(me);
        ReportPeriodDocument period = periods.findById(periodId)
                .orElseThrow(() -> new NotFoundException("period.not-found", periodId));
        if (period.getUnits().stream().noneMatch(listed -> listed.unitType().equals(unit.unitType().name())
                && listed.unitCode().equals(unit.unitCode()))) {
            throw new ForbiddenException("period.not-a-reporting-unit", unit.unitCode(), period.getLabel());
        }
        byte[] attachment = null;
        if (request.attachment() != null) {
            try {
                attachment = Base64.getMimeDecoder().decode(request.attachment().contentBase64());
            } catch (IllegalArgumentException e) {
                attachment = null;
            }
            if (attachment == null || attachment.length > MAX_ATTACHMENT_BYTES) {
                throw new InvalidInputException("request.invalid-fields", List.of(FieldViolation.of(
                        "attachment.contentBase64", "period.attachment-invalid", MAX_ATTACHMENT_BYTES)));
            }
        }
        Instant now = clock.instant();
        Map<String, BigDecimal> figures = new LinkedHashMap<>(request.figures());
        PeriodicReportDocument report = new PeriodicReportDocument();
        report.setId(PeriodicReportDocument.idOf(periodId, unit.unitType().name(), unit.unitCode()));
        report.setReportId(UUID.randomUUID().toString());
        report.setPeriodId(periodId);
        report.setUnitType(unit.unitType().name());
        report.setUnitCode(unit.unitCode());
        report.setFigures(figures.entrySet().stream()
                .map(figure -> new PeriodicReportDocument.Figure(figure.getKey(), figure.getValue().toPlainString()))
                .toList());
        report.setNarrative(request.narrative());
        if (attachment != null) {
            report.setAttachment(attachment);
            report.setAttachmentName(request.attachment().fileName());
            report.setAttachmentContentType(request.attachment().contentType() == null
                    ? "application/octet-stream" : request.attachment().contentType());
        }
        report.setSubmittedAt(now);
        report.setSubmittedBy(me.subject());
        report.recordEvent(new PeriodicReportSubmitted(periodId, report.getReportId(), unit.unitType(),
                unit.unitCode(), figures, request.narrative(), attachment != null, now, me.subject()),
                report.getReportId(), now);
        try {
            reports.insert(report);
        } catch (DuplicateKeyException alreadySubmitted) {
            throw new ConflictException("period.already-submitted", unit.unitCode(), period.getLabel());
        }
        return view(report, period);
    }

    PeriodStatus status(AgencyPrincipal me, String periodId) {
        ReportPeriodDocument period = readable(me, periodId);
        List<UnitStatus> units = unitStatuses(period).stream()
                .filter(unit -> readsAll(me) || isOwnUnit(me, unit.unitType(), unit.unitCode())).toList();
        long submitted = units.stream().filter(UnitStatus::submitted).count();
        return new PeriodStatus(period.getId(), period.getLabel(), LocalDate.parse(period.getDueDate()), submitted,
                units.size() - submitted, units);
    }

    List<ReportView> reports(AgencyPrincipal me, String periodId) {
        ReportPeriodDocument period = readable(me, periodId);
        return reports.findByPeriodId(periodId).stream()
                .filter(report -> readsAll(me) || isOwnUnit(me, report.getUnitType(), report.getUnitCode()))
                .sorted(Comparator.comparing(PeriodicReportDocument::getSubmittedAt))
                .map(report -> view(report, period)).toList();
    }

    PeriodicReportDocument attachment(AgencyPrincipal me, String periodId, String unitType, String requestedCode) {
        String unitCode = canonical(unitType, requestedCode);
        ReportPeriodDocument period = readable(me, periodId);
        if (!readsAll(me) && !isOwnUnit(me, unitType, unitCode)) {
            throw new ForbiddenException("period.forbidden");
        }
        PeriodicReportDocument report = reports.findById(PeriodicReportDocument.idOf(periodId, unitType, unitCode))
                .orElseThrow(() -> new NotFoundException("period.report-not-found", unitCode, period.getLabel()));
        if (report.getAttachment() == null) {
            throw new NotFoundException("period.attachment-not-found");
        }
        return report;
    }

    ConsolidatedReport consolidated(AgencyPrincipal me, String periodId) {
        if (!readsAll(me)) {
            throw new ForbiddenException("period.forbidden");
        }
        ReportPeriodDocument period = readable(me, periodId);
        List<UnitStatus> units = unitStatuses(period);
        List<ReportView> submitted = reports(me, periodId);
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        submitted.forEach(report -> report.figures().forEach(figure -> totals.merge(figure.code(), figure.value(),
                BigDecimal::add)));
        StatisticsFilter filter = new StatisticsFilter(null, null, null, null, null,
                LocalDate.parse(period.getStartDate()), LocalDate.parse(period.getEndDate()));
        long submittedUnits = units.stream().filter(UnitStatus::submitted).count();
        return new ConsolidatedReport(view(period), submittedUnits, units.size() - submittedUnits, units,
                totals.entrySet().stream().map(total -> new FigureView(total.getKey(), total.getValue())).toList(),
                submitted, statistics.provinceWide(filter, GroupBy.LOCALITY));
    }

    private List<UnitStatus> unitStatuses(ReportPeriodDocument period) {
        Map<String, PeriodicReportDocument> byUnit = reports.findByPeriodId(period.getId()).stream()
                .collect(Collectors.toMap(report -> report.getUnitType() + ":" + report.getUnitCode(),
                        Function.identity()));
        LocalDate due = LocalDate.parse(period.getDueDate());
        return period.getUnits().stream().map(unit -> {
            PeriodicReportDocument report = byUnit.get(unit.unitType() + ":" + unit.unitCode());
            Instant submittedAt = report == null ? null : report.getSubmittedAt();
            return new UnitStatus(unit.unitType(), unit.unitCode(), unitName(unit.unitType(), unit.unitCode()),
                    report != null, submittedAt, isLate(submittedAt, due));
        }).toList();
    }

    private boolean isLate(Instant submittedAt, LocalDate due) {
        LocalDate day = (submittedAt == null ? clock.instant() : submittedAt).atZone(StatisticsFilter.ZONE).toLocalDate();
        return day.isAfter(due);
    }

    private ReportPeriodDocument readable(AgencyPrincipal me, String periodId) {
        requireReader(me);
        ReportPeriodDocument period = periods.findById(periodId)
                .orElseThrow(() -> new NotFoundException("period.not-found", periodId));
        if (!readsAll(me) && !reportsIn(me, period)) {
            throw new NotFoundException("period.not-found", periodId);
        }
        return period;
    }

    private static boolean readsAll(AgencyPrincipal me) {
        return me.isProvinceOfficer() || me.has(Role.DEPARTMENT_OFFICER);
    }

    private static void requireReader(AgencyPrincipal me) {
        if (!readsAll(me) && !(me.has(Role.LOCALITY_OFFICER) && me.locality() != null)) {
            throw new ForbiddenException("period.forbidden");
        }
    }

    private static boolean reportsIn(AgencyPrincipal me, ReportPeriodDocument period) {
        return period.getUnits().stream().anyMatch(unit -> isOwnUnit(me, unit.unitType(), unit.unitCode()));
    }

    private static boolean isOwnUnit(AgencyPrincipal me, String unitType, String unitCode) {
        return (ReportingUnitType.LOCALITY.name().equals(unitType) && me.has(Role.LOCALITY_OFFICER)
                && unitCode.equals(me.locality()))
                || (ReportingUnitType.DEPARTMENT.name().equals(unitType) && me.has(Role.DEPARTMENT_OFFICER)
                        && canonical(unitType, unitCode).equals(canonical(unitType, me.agency())));
    }

    /**
     * Department codes as identity-service and notification-service write them (SO-NNPTNT): upper case, hyphens;
     * an older spelling with underscores (SO_NNPTNT) means the same department.
     */
    static String canonical(String unitType, String unitCode) {
        if (unitCode == null || !ReportingUnitType.DEPARTMENT.name().equals(unitType)) {
            return unitCode;
        }
        return unitCode.strip().toUpperCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The unit a caller reports for: its locality, or its department. Province officers consolidate, not report. */
    private static ReportingUnit ownUnit(AgencyPrincipal me) {
        if (me.has(Role.LOCALITY_OFFICER) && me.locality() != null) {
            return new ReportingUnit(ReportingUnitType.LOCALITY, me.locality());
        }
        if (me.has(Role.DEPARTMENT_OFFICER) && me.agency() != null) {
            return new ReportingUnit(ReportingUnitType.DEPARTMENT,
                    canonical(ReportingUnitType.DEPARTMENT.name(), me.agency()));
        }
        throw new ForbiddenException("period.forbidden");
    }

    String unitName(String unitType, String unitCode) {
        return ReportingUnitType.DEPARTMENT.name().equals(unitType) ? localities.departmentName(unitCode)
                : localities.name(unitCode);
    }

    private PeriodView view(ReportPeriodDocument period) {
        return new PeriodView(period.getId(), period.getKind(), period.getLabel(),
                LocalDate.parse(period.getStartDate()), LocalDate.parse(period.getEndDate()),
                LocalDate.parse(period.getDueDate()),
                period.getUnits().stream().map(unit -> new UnitView(unit.unitType(), unit.unitCode(),
                        unitName(unit.unitType(), unit.unitCode()))).toList(),
                period.getOpenedAt());
    }

    private ReportView view(PeriodicReportDocument report, ReportPeriodDocument period) {
        return new ReportView(report.getReportId(), report.getPeriodId(), report.getUnitType(), report.getUnitCode(),
                unitName(report.getUnitType(), report.getUnitCode()),
                report.getFigures().stream().map(figure -> new FigureView(figure.code(), new BigDecimal(figure.value())))
                        .toList(),
                report.getNarrative(), report.getAttachmentName(), report.getSubmittedAt(),
                isLate(report.getSubmittedAt(), LocalDate.parse(period.getDueDate())));
    }


}
