package vn.ocop.reporting.periods;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.reporting.export.ExportFormat;
import vn.ocop.reporting.export.ReportDocument;
import vn.ocop.reporting.export.ReportWriter;
import vn.ocop.reporting.periods.PeriodApi.ConsolidatedReport;
import vn.ocop.reporting.periods.PeriodApi.PeriodStatus;
import vn.ocop.reporting.periods.PeriodApi.PeriodView;
import vn.ocop.reporting.periods.PeriodApi.ReportView;
import vn.ocop.reporting.statistics.StatisticsTables;

@RestController
@RequestMapping("/report-periods")
class ReportPeriodController {

    private final ReportPeriodService service;
    private final ReportWriter writer;
    private final StatisticsTables statisticsTables;

    ReportPeriodController(ReportPeriodService service, ReportWriter writer, StatisticsTables statisticsTables) {
        this.service = service;
        this.writer = writer;
        this.statisticsTables = statisticsTables;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('PROVINCE_OFFICER')") // decided before the body is read; the service checks it again
    PeriodView open(@AuthenticationPrincipal AgencyPrincipal me, @Valid @RequestBody PeriodApi.OpenPeriod request) {
        return service.open(me, request);
    }

    @GetMapping
    List<PeriodView> list(@AuthenticationPrincipal AgencyPrincipal me) {
        return service.list(me);
    }

    @GetMapping("/{periodId}")
    PeriodView get(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String periodId) {
        return service.get(me, periodId);
    }

    @PostMapping("/{periodId}/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('LOCALITY_OFFICER', 'DEPARTMENT_OFFICER')") // the reporting units' roles, as above
    ReportView submit(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String periodId,
            @Valid @RequestBody PeriodApi.SubmitReport request) {
        return service.submit(me, periodId, request);
    }

    @GetMapping("/{periodId}/reports")
    List<ReportView> reports(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String periodId) {
        return service.reports(me, periodId);
    }

    @GetMapping("/{periodId}/reports/{unitType}/{unitCode}/attachment")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String periodId,
            @PathVariable String unitType, @PathVariable String unitCode) {
        PeriodicReportDocument report = service.attachment(me, periodId, unitType, unitCode);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.getAttachmentName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(report.getAttachment());
    }

    @GetMapping("/{periodId}/status")
    PeriodStatus status(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String periodId) {
        return service.status(me, periodId);
    }

    @GetMapping("/{periodId}/consolidated")
    ConsolidatedReport consolidated(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String periodId) {
        return service.consolidated(me, periodId);
    }

    @GetMapping("/{periodId}/consolidated/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AgencyPrincipal me, @PathVariable String periodId,
            @RequestParam String format) {
        ExportFormat exportFormat = ExportFormat.parse(format);
        ConsolidatedReport report = service.consolidated(me, periodId);
        byte[] body = writer.write(document(report), exportFormat);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(exportFormat.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("bao-cao-tong-hop-ocop." + exportFormat.extension()).build().toString())
                .body(body);
    }

    ReportDocument document(ConsolidatedReport report) {
        PeriodView period = report.period();
        List<String> lines = List.of(
                "Kỳ báo cáo: " + period.label() + " (" + period.startDate() + " đến " + period.endDate() + ")",
                "Hạn nộp: " + period.dueDate(),
                "Số đơn vị đã nộp: " + report.submittedUnits() + "; chưa nộp: " + report.missingUnits(),
                "Số liệu Chương trình tính đến ngày " + report.statistics().asOf());
        List<ReportDocument.Table> tables = new ArrayList<>();
        tables.add(new ReportDocument.Table("Tình hình nộp báo cáo",
                List.of("Đơn vị", "Loại đơn vị", "Đã nộp", "Thời điểm nộp", "Nộp muộn"),
                report.units().stream().map(unit -> List.<Object>of(unit.unitName(),
                        "LOCALITY".equals(unit.unitType()) ? "Địa phương" : "Sở, ngành",
                        unit.submitted() ? "Đã nộp" : "Chưa nộp",
                        unit.submittedAt() == null ? "" : unit.submittedAt().toString(),
                        unit.late() ? "Có" : "Không")).toList()));
        tables.add(new ReportDocument.Table("Tổng hợp chỉ tiêu các đơn vị báo cáo", List.of("Chỉ tiêu", "Tổng cộng"),
                report.figureTotals().stream().map(total -> List.<Object>of(total.code(), total.value())).toList()));
        List<List<Object>> details = new ArrayList<>();
        report.reports().forEach(unitReport -> unitReport.figures().forEach(figure -> details.add(
                List.of(unitReport.unitName(), figure.code(), figure.value()))));
        tables.add(new ReportDocument.Table("Chỉ tiêu theo đơn vị", List.of("Đơn vị", "Chỉ tiêu", "Giá trị"), details));
        tables.add(new ReportDocument.Table("Thuyết minh của các đơn vị", List.of("Đơn vị", "Nội dung"),
                report.reports().stream().map(unitReport -> List.<Object>of(unitReport.unitName(),
                        unitReport.narrative() == null ? "" : unitReport.narrative())).toList()));
        tables.addAll(statisticsTables.tables(report.statistics()));
        return new ReportDocument("Báo cáo tổng hợp kết quả thực hiện Chương trình OCOP tỉnh An Giang", lines, tables);
    }
}
