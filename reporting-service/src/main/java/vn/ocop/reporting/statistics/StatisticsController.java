package vn.ocop.reporting.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.ocop.chassis.errors.FieldViolation;
import vn.ocop.chassis.errors.InvalidInputException;
import vn.ocop.chassis.security.AgencyPrincipal;
import vn.ocop.reporting.export.ExportFormat;
import vn.ocop.reporting.export.ReportDocument;
import vn.ocop.reporting.export.ReportWriter;
import vn.ocop.reporting.localities.Localities;
import vn.ocop.reporting.statistics.domain.Figures;
import vn.ocop.reporting.statistics.domain.GroupBy;
import vn.ocop.reporting.statistics.domain.Statistics;
import vn.ocop.reporting.statistics.domain.StatisticsFilter;

@RestController
@RequestMapping("/statistics")
// the roles that read statistics, decided before the parameters are read (the service checks the locality)
@PreAuthorize("hasAnyRole('PROVINCE_OFFICER', 'DEPARTMENT_OFFICER', 'LOCALITY_OFFICER')")
class StatisticsController {

    private final StatisticsService statistics;
    private final StatisticsTables tables;
    private final ReportWriter writer;
    private final Localities localities;

    StatisticsController(StatisticsService statistics, StatisticsTables tables, ReportWriter writer,
            Localities localities) {
        this.statistics = statistics;
        this.tables = tables;
        this.writer = writer;
        this.localities = localities;
    }

    record RowView(String key, String label, Figures figures) {
    }

    record ProgressView(String roundId, String roundName, String localityCode, String localityName, int target,
            long submitted, long behindBy) {
    }

    record StatisticsView(StatisticsFilter filter, java.time.LocalDate asOf, GroupBy groupBy, Figures totals,
            List<RowView> rows, List<ProgressView> progress) {
    }

    @GetMapping
    StatisticsView statistics(@AuthenticationPrincipal AgencyPrincipal me,
            @RequestParam(required = false) String locality, @RequestParam(required = false) String round,
            @RequestParam(required = false) Integer criteriaSet, @RequestParam(required = false) String group,
            @RequestParam(required = false) Integer stars, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter, @RequestParam(defaultValue = "LOCALITY") String groupBy) {
        statistics.requireMayRead(me, locality);
        Statistics result = statistics.statistics(me, filter(locality, round, criteriaSet, group, stars, year, quarter),
                groupBy(groupBy));
        return new StatisticsView(result.filter(), result.asOf(), result.groupBy(), result.totals(),
                result.rows().stream().map(row -> new RowView(row.key(), tables.label(result.groupBy(), row.key()),
                        row.figures())).toList(),
                result.progress().stream().map(row -> new ProgressView(row.roundId(), row.roundName(),
                        row.localityCode(), localities.name(row.localityCode()), row.target(), row.submitted(),
                        row.behindBy())).toList());
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AgencyPrincipal me,
            @RequestParam String format,
            @RequestParam(required = false) String locality, @RequestParam(required = false) String round,
            @RequestParam(required = false) Integer criteriaSet, @RequestParam(required = false) String group,
            @RequestParam(required = false) Integer stars, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer quarter, @RequestParam(defaultValue = "LOCALITY") String groupBy) {
        statistics.requireMayRead(me, locality);
        ExportFormat exportFormat = ExportFormat.parse(format);
        Statistics result = statistics.statistics(me, filter(locality, round, criteriaSet, group, stars, year, quarter),
                groupBy(groupBy));
        List<String> lines = new ArrayList<>();
        lines.add("Ngày số liệu: " + result.asOf());
        if (year != null) {
            lines.add("Kỳ: " + (quarter == null ? "năm " + year : "quý " + quarter + " năm " + year));
        }
        if (locality != null) {
            lines.add("Địa phương: " + localities.name(locality));
        }
        ReportDocument report = new ReportDocument("Thống kê Chương trình OCOP tỉnh An Giang", lines,
                tables.tables(result));
        return file(writer.write(report, exportFormat), exportFormat, "thong-ke-ocop");
    }

    static ResponseEntity<byte[]> file(byte[] body, ExportFormat format, String baseName) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(baseName + "." + format.extension()).build().toString())
                .body(body);
    }

    static StatisticsFilter filter(String locality, String round, Integer criteriaSet, String group, Integer stars,
            Integer year, Integer quarter) {
        List<FieldViolation> violations = new ArrayList<>();
        if (criteriaSet != null && (criteriaSet < 1 || criteriaSet > 99)) {
            violations.add(FieldViolation.of("criteriaSet", "validation.Range", 1, 99));
        }
        if (stars != null && (stars < 3 || stars > 5)) {
            violations.add(FieldViolation.of("stars", "validation.Range", 3, 5));
        }
        if (year != null && (year < 2000 || year > 2100)) {
            violations.add(FieldViolation.of("year", "validation.Range", 2000, 2100));
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            violations.add(FieldViolation.of("quarter", "validation.Range", 1, 4));
        }
        if (quarter != null && year == null) {
            violations.add(FieldViolation.of("year", "statistics.quarter-needs-year"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("request.invalid-fields", violations);
        }
        StatisticsFilter.Period period = StatisticsFilter.period(year, quarter);
        return new StatisticsFilter(blankToNull(locality), blankToNull(round), criteriaSet, blankToNull(group), stars,
                period.from(), period.to());
    }

    static GroupBy groupBy(String value) {
        try {
            return GroupBy.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("request.invalid-fields",
                    List.of(FieldViolation.of("groupBy", "statistics.unknown-group-by", value)));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
