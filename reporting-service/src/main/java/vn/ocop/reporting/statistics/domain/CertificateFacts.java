package vn.ocop.reporting.statistics.domain;

import java.time.Instant;
import java.time.LocalDate;

/** One OCOP certificate (giấy chứng nhận) as ProductRated and, if any, CertificateRevoked describe it. */
public record CertificateFacts(
        String certificateNumber,
        String dossierId,
        String localityCode,
        Integer criteriaSetCode,
        Integer stars,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant ratedAt,
        boolean revoked) {

    public boolean rated() {
        return stars != null;
    }

    public CertificateStatus statusOn(LocalDate today) {
        if (revoked) {
            return CertificateStatus.REVOKED;
        }
        if (validUntil.isBefore(today)) {
            return CertificateStatus.EXPIRED;
        }
        return CertificateStatus.VALID;
    }

    public boolean expiringWithin(LocalDate today, int days) {
        return statusOn(today) == CertificateStatus.VALID && !validUntil.isAfter(today.plusDays(days));
    }
}
