package vn.ocop.contracts.dossier;

import java.time.Instant;

import vn.ocop.contracts.OcopEvent;

/**
 * A returned dossier (hồ sơ) was completed and submitted again.
 *
 * @param revision 1 for the first resubmission, then 2, 3…
 */
public record DossierResubmitted(
        String dossierId,
        String roundId,
        String localityCode,
        int revision,
        Instant resubmittedAt,
        String resubmittedBy) implements OcopEvent {
}
