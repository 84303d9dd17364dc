package vn.ocop.contracts.evaluation;

import java.time.Instant;

import vn.ocop.contracts.OcopEvent;

/**
 * An OCOP certificate (giấy chứng nhận) was revoked (thu hồi), e.g. after failing re-evaluation.
 */
public record CertificateRevoked(
        String certificateNumber,
        String dossierId,
        String productId,
        String localityCode,
        String reason,
        Instant revokedAt,
        String revokedBy) implements OcopEvent {
}
