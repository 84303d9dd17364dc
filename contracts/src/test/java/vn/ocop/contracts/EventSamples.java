package vn.ocop.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.ocop.contracts.dossier.DossierResubmitted;
import vn.ocop.contracts.dossier.DossierReturned;
import vn.ocop.contracts.dossier.DossierSubmitted;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.contracts.dossier.EntitySummary;
import vn.ocop.contracts.dossier.EntityType;
import vn.ocop.contracts.dossier.ProductSummary;
import vn.ocop.contracts.dossier.ReturnReason;
import vn.ocop.contracts.evaluation.CertificateRevoked;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.DossierForwarded;
import vn.ocop.contracts.evaluation.NotQualifiedReason;
import vn.ocop.contracts.evaluation.NotQualifiedReasonCode;
import vn.ocop.contracts.evaluation.ProductNotQualified;
import vn.ocop.contracts.evaluation.ProductRated;
import vn.ocop.contracts.evaluation.ProductScored;
import vn.ocop.contracts.evaluation.RoundLocality;
import vn.ocop.contracts.evaluation.RoundOpened;
import vn.ocop.contracts.evaluation.SessionAssigned;
import vn.ocop.contracts.notification.NotificationChannel;
import vn.ocop.contracts.notification.NotificationSent;
import vn.ocop.contracts.reporting.PeriodicReportSubmitted;
import vn.ocop.contracts.reporting.ReportPeriodKind;
import vn.ocop.contracts.reporting.ReportPeriodOpened;
import vn.ocop.contracts.reporting.ReportingUnit;
import vn.ocop.contracts.reporting.ReportingUnitType;

/** One realistic body per event type, with Vietnamese text, as an An Giang round of 2025 might produce them. */
final class EventSamples {

    static final String DOSSIER_ID = "5f0c8a2e-3d7b-4c1a-9e62-1b8f4a7d2c10";
    static final String ROUND_ID = "dot-1-2025-an-giang";
    static final String CASE_ID = "0b9e7c41-6a2f-4d58-8c13-7e4a9f2b6d35";
    static final String LOCALITY_PHU_HOA = "30550";
    static final String LOCALITY_TAN_CHAU = "30337";
    static final Instant NOW = Instant.parse("2025-07-10T02:30:00Z");

    private EventSamples() {
    }

    static Map<EventType, OcopEvent> all() {
        Map<EventType, OcopEvent> samples = new EnumMap<>(EventType.class);
        List.of(dossierSubmitted(), dossierResubmitted(), dossierReturned(), dossierWithdrawn(),
                        roundOpened(), productScored(), productRated(), productNotQualified(), dossierForwarded(),
                        certificateRevoked(), sessionAssigned(), reportPeriodOpened(), periodicReportSubmitted(), notificationSent())
                .forEach(sample -> samples.put(EventType.of(sample), sample));
        return samples;
    }

    static DossierSubmitted dossierSubmitted() {
        return new DossierSubmitted(DOSSIER_ID, ROUND_ID, LOCALITY_TAN_CHAU,
                new EntitySummary("htx-phu-hoa", "HTX Nông nghiệp Phú Hòa", EntityType.COOPERATIVE, "1602145678",
                        true, false),
                new ProductSummary("sp-lap-xuong-bo", "Lạp xưởng bò Tân Châu", 1, "THUC_PHAM"),
                14, NOW, "can-bo.tan-chau@angiang.gov.vn");
    }

    static DossierSubmitted householdDossierWithoutTaxCode() {
        return new DossierSubmitted("hs-2025-0042", ROUND_ID, LOCALITY_PHU_HOA,
                new EntitySummary("ho-nguyen-thi-lan", "Hộ kinh doanh Nguyễn Thị Lan", EntityType.HOUSEHOLD, null,
                        true, true),
                new ProductSummary("sp-mam-ca-linh", "Mắm cá linh Châu Đốc", 1, "THUC_PHAM"),
                9, NOW, "can-bo.phu-hoa@angiang.gov.vn");
    }

    static DossierResubmitted dossierResubmitted() {
        return new DossierResubmitted(DOSSIER_ID, ROUND_ID, LOCALITY_TAN_CHAU, 1,
                Instant.parse("2025-07-18T08:15:30.250Z"), "can-bo.tan-chau@angiang.gov.vn");
    }

    static DossierReturned dossierReturned() {
        return new DossierReturned(DOSSIER_ID, LOCALITY_TAN_CHAU, List.of(
                new ReturnReason("PHIEU_DANG_KY", "Phiếu đăng ký thiếu chữ ký của người đại diện"),
                new ReturnReason("GIAY_CHUNG_NHAN_ATTP", "Giấy chứng nhận cơ sở đủ điều kiện ATTP đã hết hạn")),
                Instant.parse("2025-07-15T03:00:00Z"), "vpdp.ocop@angiang.gov.vn");
    }

    static DossierWithdrawn dossierWithdrawn() {
        return new DossierWithdrawn(DOSSIER_ID, LOCALITY_TAN_CHAU,
                "Chủ thể xin rút để hoàn thiện bao bì, nhãn mác", Instant.parse("2025-07-20T09:45:00Z"),
                "can-bo.tan-chau@angiang.gov.vn");
    }

    static RoundOpened roundOpened() {
        return new RoundOpened(ROUND_ID, "Đợt 1 năm 2025 – đánh giá, phân hạng sản phẩm OCOP tỉnh An Giang",
                "QD148-2023", CouncilLevel.PROVINCE, LocalDate.of(2025, 7, 10),
                List.of(LocalDate.of(2025, 8, 5), LocalDate.of(2025, 8, 6)),
                List.of(new RoundLocality(LOCALITY_TAN_CHAU, 3), new RoundLocality(LOCALITY_PHU_HOA, 3),
                        new RoundLocality("30316", 0)),
                Instant.parse("2025-06-02T01:00:00Z"), "vpdp.ocop@angiang.gov.vn");
    }

    static ProductScored productScored() {
        return new ProductScored(CASE_ID, DOSSIER_ID, "phien-2025-08-05-sang", new BigDecimal("71.50"), 9,
                Instant.parse("2025-08-05T04:10:00Z"));
    }

    static ProductRated productRated() {
        return new ProductRated(CASE_ID, DOSSIER_ID, "sp-lap-xuong-bo", "Lạp xưởng bò Tân Châu", "htx-phu-hoa",
                "HTX Nông nghiệp Phú Hòa", LOCALITY_TAN_CHAU, 1, 4, new BigDecimal("71.50"), CouncilLevel.PROVINCE,
                "2497/QĐ-UBND", "OCOP-AG-2025-0117", LocalDate.of(2025, 9, 1), LocalDate.of(2028, 9, 1),
                Instant.parse("2025-09-01T07:00:00Z"));
    }

    static ProductNotQualified productNotQualified() {
        return new ProductNotQualified(CASE_ID, DOSSIER_ID, LOCALITY_PHU_HOA, new BigDecimal("68.25"), 3, List.of(
                new NotQualifiedReason(NotQualifiedReasonCode.MANDATORY_CRITERION,
                        "Chưa có hệ thống kiểm soát chất lượng nội bộ và truy xuất nguồn gốc", "C10.1", 3),
                new NotQualifiedReason(NotQualifiedReasonCode.SCORE_BAND,
                        "Điểm bình quân dưới ngưỡng 4 sao", null, null)),
                Instant.parse("2025-08-06T09:30:00Z"));
    }

    static DossierForwarded dossierForwarded() {
        return new DossierForwarded(CASE_ID, DOSSIER_ID, LOCALITY_TAN_CHAU, new BigDecimal("92.80"), 5,
                CouncilLevel.PROVINCE, CouncilLevel.CENTRAL, Instant.parse("2025-08-20T02:00:00Z"));
    }

    static CertificateRevoked certificateRevoked() {
        return new CertificateRevoked("OCOP-AG-2021-0033", "hs-2021-0033", "sp-banh-pia", LOCALITY_PHU_HOA,
                "Không đánh giá lại trong thời hạn 36 tháng", Instant.parse("2025-10-01T02:00:00Z"),
                "vpdp.ocop@angiang.gov.vn");
    }

    static SessionAssigned sessionAssigned() {
        return new SessionAssigned("phien-2025-08-14", "hoi-dong-tinh-2025", CouncilLevel.PROVINCE,
                LocalDate.of(2025, 8, 14), List.of("hoidong1", "hoidong2", "hoidong3"), List.of(DOSSIER_ID),
                Instant.parse("2025-08-07T03:00:00Z"));
    }

    static ReportPeriodOpened reportPeriodOpened() {
        return new ReportPeriodOpened("ky-2025-q3", ReportPeriodKind.QUARTER, "Quý III năm 2025",
                LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 10),
                List.of(new ReportingUnit(ReportingUnitType.LOCALITY, LOCALITY_TAN_CHAU),
                        new ReportingUnit(ReportingUnitType.DEPARTMENT, "SO-CONG-THUONG")),
                Instant.parse("2025-07-01T01:00:00Z"), "vpdp.ocop@angiang.gov.vn");
    }

    static PeriodicReportSubmitted periodicReportSubmitted() {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        figures.put("SAN_PHAM_DANG_KY", new BigDecimal("5"));
        figures.put("SAN_PHAM_DAT_3_SAO", new BigDecimal("2"));
        figures.put("KINH_PHI_HO_TRO_TRIEU_DONG", new BigDecimal("125.5"));
        return new PeriodicReportSubmitted("ky-2025-q3", "bc-2025-q3-30337", ReportingUnitType.LOCALITY,
                LOCALITY_TAN_CHAU, figures,
                "Xã Tân Châu đã hướng dẫn 5 chủ thể hoàn thiện hồ sơ; 2 sản phẩm đạt 3 sao.", true,
                Instant.parse("2025-10-08T10:20:00Z"), "can-bo.tan-chau@angiang.gov.vn");
    }

    static NotificationSent notificationSent() {
        return new NotificationSent("tb-7c2d", NotificationChannel.EMAIL, "ubnd.phuhoa@angiang.gov.vn",
                "DOSSIER_DEADLINE_REMINDER", ROUND_ID, Instant.parse("2025-07-03T01:00:00Z"));
    }
}
