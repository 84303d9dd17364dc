package vn.ocop.contracts.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import vn.ocop.contracts.OcopEvent;

/**
 * The province returned a dossier (hồ sơ) to its locality for completion (trả hồ sơ để bổ sung).
 *
 * @param reasons at least one
 */
public record DossierReturned(
        String dossierId,
        String localityCode,
        List<ReturnReason> reasons,
        Instant returnedAt,
        String returnedBy) implements OcopEvent {

    public DossierReturned {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons is required"));
    }
}
