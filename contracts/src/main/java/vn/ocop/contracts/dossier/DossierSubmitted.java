package vn.ocop.contracts.dossier;

import java.time.Instant;

import vn.ocop.contracts.OcopEvent;

/**
 * A locality submitted a product dossier (hồ sơ) into an evaluation round (đợt).
 */
public record DossierSubmitted(
        String dossierId,
        String roundId,
        String localityCode,
        EntitySummary entity,
        ProductSummary product,
        int documentCount,
        Instant submittedAt,
        String submittedBy) implements OcopEvent {
}
