package vn.ocop.evaluation.cases.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import vn.ocop.contracts.evaluation.CouncilLevel;

/**
 * An OCOP certificate (giấy chứng nhận) issued by a decision (quyết định công nhận). Revocation fields are null
 * while it stands.
 */
public record Certificate(String number, String caseId, String dossierId, String productId, String productName,
        String entityId, String entityName, String localityCode, int criteriaSetCode, int stars, BigDecimal score,
        CouncilLevel level, String decisionNumber, LocalDate validFrom, LocalDate validUntil, Instant issuedAt,
        Instant revokedAt, String revokedBy, String revocationReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    Certificate revoke(Instant at, String by, String reason) {
        return new Certificate(number, caseId, dossierId, productId, productName, entityId, entityName, localityCode,
                criteriaSetCode, stars, score, level, decisionNumber, validFrom, validUntil, issuedAt, at, by, reason);
    }
}
