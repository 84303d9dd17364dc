package vn.ocop.contracts.dossier;

import java.time.Instant;

import vn.ocop.contracts.OcopEvent;

/**
 * A locality withdrew a submitted dossier (rút hồ sơ) before a decision.
 *
 * @param reason nullable
 */
public record DossierWithdrawn(
        String dossierId,
        String localityCode,
        String reason,
        Instant withdrawnAt,
        String withdrawnBy) implements OcopEvent {
}
