package vn.ocop.notification.events;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.ocop.chassis.messaging.ReceivedEvent;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.reporting.ReportPeriodOpened;
import vn.ocop.notification.notify.LocalizedText;
import vn.ocop.notification.notify.Notice;
import vn.ocop.notification.notify.Notifier;
import vn.ocop.notification.reminders.Calendar;
import vn.ocop.notification.reminders.DossierStatus;
import vn.ocop.notification.units.UnitDirectory;

/** Tells the units concerned what happened: a dossier returned, a product rated or not, a report period opened. */
@Service
class EventNotices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifier notifier;
    private final Calendar calendar;

    EventNotices(Notifier notifier, Calendar calendar) {
        this.notifier = notifier;
        this.calendar = calendar;
    }

    private static String key(ReceivedEvent<?> event, String unit) {
        return "event:" + event.envelope().id() + ":" + unit;
    }

    private String product(String dossierId) {
        DossierStatus dossier = calendar.dossier(dossierId);
        return dossier == null || dossier.productName() == null ? dossierId : dossier.productName();
    }

    void onReturned(ReceivedEvent<DossierReturned> event) {
        DossierReturned d = event.body();
        String product = product(d.dossierId());
        String reasons = d.reasons().stream().map(r -> r.item() + ": " + r.reason()).collect(Collectors.joining("; "));
        notifier.notify(new Notice(key(event, d.localityCode()), d.localityCode(), "DOSSIER_RETURNED", d.dossierId(),
                new LocalizedText("Hồ sơ bị trả lại để bổ sung: " + product,
                        "Hồ sơ " + product + " được trả lại để bổ sung. Lý do: " + reasons,
                        "Dossier returned for completion: " + product,
                        "The dossier " + product + " was returned for completion. Reasons: " + reasons)));
    }

    void onRated(ReceivedEvent<ProductRated> event) {
        ProductRated r = event.body();
        notifier.notify(new Notice(key(event, r.localityCode()), r.localityCode(), "PRODUCT_RATED", r.dossierId(),
                new LocalizedText("Sản phẩm đạt OCOP " + r.stars() + " sao: " + r.productName(),
                        "Sản phẩm %s (%s) đạt %d sao (%s điểm), quyết định %s; giấy chứng nhận số %s có hiệu lực đến %s."
                                .formatted(r.productName(), r.entityName(), r.stars(), r.score().toPlainString(),
                                        r.decisionNumber(), r.certificateNumber(), DATE.format(r.validUntil())),
                        r.stars() + "-star OCOP product: " + r.productName(),
                        "%s (%s) was rated %d stars (%s points), decision %s; certificate %s valid until %s."
                                .formatted(r.productName(), r.entityName(), r.stars(), r.score().toPlainString(),
                                        r.decisionNumber(), r.certificateNumber(), DATE.format(r.validUntil())))));
    }

    void onNotQualified(ReceivedEvent<ProductNotQualified> event) {
        ProductNotQualified n = event.body();
        String product = product(n.dossierId());
        String reasons = n.reasons().stream().map(r -> r.message()).collect(Collectors.joining("; "));
        notifier.notify(new Notice(key(event, n.localityCode()), n.localityCode(), "PRODUCT_NOT_QUALIFIED",
                n.dossierId(),
                new LocalizedText("Sản phẩm không đạt OCOP: " + product,
                        "Sản phẩm %s không đạt OCOP (%s điểm). Lý do: %s".formatted(product, n.score().toPlainString(), reasons),
                        "Product not qualified for OCOP: " + product,
                        "%s did not qualify for OCOP (%s points). Reasons: %s".formatted(product, n.score().toPlainString(), reasons))));
    }

    void onPeriodOpened(ReceivedEvent<ReportPeriodOpened> event) {
        ReportPeriodOpened p = event.body();
        for (var unit : p.reportingUnits()) {
            String unitCode = UnitDirectory.canonical(unit.unitCode());
            notifier.notify(new Notice(key(event, unitCode), unitCode, "REPORT_PERIOD_OPENED",
                    p.periodId(),
                    new LocalizedText("Mở kỳ báo cáo OCOP: " + p.label(),
                            "Kỳ báo cáo %s (%s – %s) đã mở; hạn nộp báo cáo %s.".formatted(p.label(),
                                    DATE.format(p.startDate()), DATE.format(p.endDate()), DATE.format(p.dueDate())),
                            "OCOP reporting period opened: " + p.label(),
                            "The reporting period %s (%s – %s) is open; reports are due %s.".formatted(p.label(),
                                    DATE.format(p.startDate()), DATE.format(p.endDate()), DATE.format(p.dueDate())))));
        }
    }
}
