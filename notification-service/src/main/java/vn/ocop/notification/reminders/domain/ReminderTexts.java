package vn.ocop.notification.reminders.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.BiFunction;

import vn.ocop.notification.notify.LocalizedText;

/**
 * The words of a reminder, saying exactly what is missing: "Tri Tôn: đã nộp 1/3 sản phẩm; hạn nộp 10/07/2020".
 */
public final class ReminderTexts {

    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** (unit code, language "vi"/"en") → the unit's name. */
    private final BiFunction<String, String, String> unitNames;

    public ReminderTexts(BiFunction<String, String, String> unitNames) {
        this.unitNames = unitNames;
    }

    /**
     * @param label   the round's name, the report's label, the certificate's product or the custom title
     * @param detail  for a certificate: "number|product|entity|locality code"; else null
     */
    public LocalizedText render(DeadlineKind kind, String label, String detail, LocalDate deadline, int offset,
            Shortfall shortfall, LocalDate today) {
        String unitVi = unitNames.apply(shortfall.unitCode(), "vi");
        String unitEn = unitNames.apply(shortfall.unitCode(), "en");
        String date = DATE.format(deadline);
        boolean late = offset < 0;
        return switch (kind) {
            case ROUND_SUBMISSION -> new LocalizedText(
                    (late ? "Quá hạn nộp hồ sơ OCOP: " : "Nhắc hạn nộp hồ sơ OCOP: ") + label,
                    "%s: đã nộp %d/%d sản phẩm; hạn nộp %s".formatted(unitVi, shortfall.done(), shortfall.required(), date),
                    (late ? "Overdue OCOP dossiers: " : "Reminder, OCOP dossiers due: ") + label,
                    "%s: %d of %d products submitted; deadline %s".formatted(unitEn, shortfall.done(), shortfall.required(), date));
            case PERIODIC_REPORT -> new LocalizedText(
                    (late ? "Quá hạn báo cáo OCOP: " : "Nhắc hạn báo cáo OCOP: ") + label,
                    "%s: chưa nộp báo cáo %s; hạn nộp %s".formatted(unitVi, label, date),
                    (late ? "Overdue OCOP report: " : "Reminder, OCOP report due: ") + label,
                    "%s: report %s not submitted; due %s".formatted(unitEn, label, date));
            case CERTIFICATE_EXPIRY -> certificate(detail, deadline, today, date);
            case CUSTOM -> new LocalizedText(
                    (late ? "Quá hạn: " : "Nhắc hạn: ") + label,
                    "%s: chưa hoàn thành \"%s\"; hạn %s".formatted(unitVi, label, date),
                    (late ? "Overdue: " : "Reminder: ") + label,
                    "%s: \"%s\" not done; deadline %s".formatted(unitEn, label, date));
        };
    }

    private LocalizedText certificate(String detail, LocalDate validUntil, LocalDate today, String date) {
        String[] parts = detail.split("\\|", -1);
        String number = parts[0];
        String product = parts[1];
        String entity = parts[2];
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, validUntil);
        return new LocalizedText(
                "Giấy chứng nhận OCOP sắp hết hiệu lực: " + product,
                "Giấy chứng nhận OCOP số %s của sản phẩm %s (%s, %s) hết hiệu lực ngày %s, còn %d ngày; chủ thể có thể đề nghị đánh giá lại."
                        .formatted(number, product, entity, unitNames.apply(parts[3], "vi"), date, days),
                "OCOP certificate about to expire: " + product,
                "OCOP certificate %s of %s (%s, %s) expires on %s, in %d days; the entity may apply for re-evaluation."
                        .formatted(number, product, entity, unitNames.apply(parts[3], "en"), date, days));
    }
}
