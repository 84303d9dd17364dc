package vn.ocop.contracts.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.ocop.contracts.OcopEvent;

/**
 * The current make-up of a council session (phiên họp hội đồng): which members sit in it and which dossiers
 * (hồ sơ) it evaluates. Carries the whole state, not a change: a consumer replaces what it knew of the session.
 * dossier-service uses it to let council members read exactly the dossiers they are assigned to.
 */
public record SessionAssigned(
        String sessionId,
        String councilId,
        CouncilLevel level,
        LocalDate sessionDate,
        List<String> memberIds,
        List<String> dossierIds,
        Instant assignedAt) implements OcopEvent {

    public SessionAssigned {
        memberIds = List.copyOf(memberIds);
        dossierIds = List.copyOf(dossierIds);
    }
}
