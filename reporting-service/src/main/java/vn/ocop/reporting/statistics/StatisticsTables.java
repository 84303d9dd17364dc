package vn.ocop.reporting.statistics;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.ocop.reporting.export.ReportDocument;
import vn.ocop.reporting.localities.Localities;
import vn.ocop.reporting.statistics.domain.Figures;
import vn.ocop.reporting.statistics.domain.GroupBy;
import vn.ocop.reporting.statistics.domain.ProgressRow;
import vn.ocop.reporting.statistics.domain.Statistics;
import vn.ocop.reporting.statistics.domain.StatisticsRow;

/** Statistics as export tables, with Vietnamese headings and locality names. */
@Component
public class StatisticsTables {

    public static final List<String> FIGURE_COLUMNS = List.of("Hồ sơ đã nộp", "Trả lại bổ sung", "Đã rút",
            "Đang đánh giá", "Sản phẩm đạt 3 sao", "Đạt 4 sao", "Đạt 5 sao", "Không đạt", "Giấy chứng nhận còn hiệu lực",
            "Sắp hết hạn (90 ngày)", "Đã hết hạn", "Đã thu hồi", "Số ngày đến quyết định (trung vị)",
            "Số ngày đến quyết định (p90)");

    private final Localities localities;

    public StatisticsTables(Localities localities) {
        this.localities = localities;
    }

    public List<ReportDocument.Table> tables(Statistics statistics) {
        List<String> columns = new ArrayList<>();
        columns.add(dimension(statistics.groupBy()));
        columns.addAll(FIGURE_COLUMNS);
        List<List<Object>> rows = new ArrayList<>();
        for (StatisticsRow row : statistics.rows()) {
            rows.add(line(label(statistics.groupBy(), row.key()), row.figures()));
        }
        rows.add(line("Toàn tỉnh", statistics.totals()));
        List<List<Object>> progress = new ArrayList<>();
        for (ProgressRow row : statistics.progress()) {
            progress.add(List.of(row.roundName() == null ? row.roundId() : row.roundName(),
                    localities.name(row.localityCode()), row.target(), row.submitted(), row.behindBy()));
        }
        return List.of(
                new ReportDocument.Table("Số liệu OCOP theo " + dimension(statistics.groupBy()).toLowerCase(), columns,
                        rows),
                new ReportDocument.Table("Tiến độ so với chỉ tiêu của đợt",
                        List.of("Đợt", "Địa phương", "Chỉ tiêu", "Đã nộp", "Còn thiếu"), progress));
    }

    public String label(GroupBy groupBy, String key) {
        return switch (groupBy) {
            case LOCALITY -> localities.name(key);
            case CRITERIA_SET -> "Bộ " + key;
            case STARS -> key + " sao";
            default -> key;
        };
    }

    private static String dimension(GroupBy groupBy) {
        return switch (groupBy) {
            case LOCALITY -> "Địa phương";
            case CRITERIA_SET -> "Bộ sản phẩm";
            case PRODUCT_GROUP -> "Nhóm sản phẩm";
            case ROUND -> "Đợt";
            case STARS -> "Hạng sao";
        };
    }

    private static List<Object> line(String label, Figures figures) {
        List<Object> line = new ArrayList<>();
        line.add(label);
        line.add(figures.submitted());
        line.add(figures.returned());
        line.add(figures.withdrawn());
        line.add(figures.inEvaluation());
        line.add(figures.ratedByStars().getOrDefault(3, 0L));
        line.add(figures.ratedByStars().getOrDefault(4, 0L));
        line.add(figures.ratedByStars().getOrDefault(5, 0L));
        line.add(figures.notQualified());
        line.add(figures.certificatesValid());
        line.add(figures.certificatesExpiringWithin90Days());
        line.add(figures.certificatesExpired());
        line.add(figures.certificatesRevoked());
        line.add(figures.decisionTime().medianDays());
        line.add(figures.decisionTime().p90Days());
        return line;
    }
}
