package vn.ocop.dossier.intake.domain;

import java.time.Instant;
import java.util.List;

import vn.ocop.contracts.dossier.ReturnReason;

/**
 * One line of the dossier's append-only history: who did what, when and why.
 *
 * @param from nullable (creation); equals {@code to} for actions that keep the status (document added…)
 */
public record HistoryEntry(
        Instant at,
        String by,
        String action,
        DossierStatus from,
        DossierStatus to,
        String note,
        List<ReturnReason> reasons) {

    public HistoryEntry {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
