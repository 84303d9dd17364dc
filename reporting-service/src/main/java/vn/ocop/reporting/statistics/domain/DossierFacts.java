package vn.ocop.reporting.statistics.domain;

import java.time.Instant;

/**
 * What the dossier events say about one dossier (hồ sơ). {@code status} is the last dossier event's outcome:
 * SUBMITTED, RESUBMITTED, RETURNED or WITHDRAWN.
 */
public record DossierFacts(
        String dossierId,
        String roundId,
        String localityCode,
        Integer criteriaSetCode,
        String productGroup,
        String status,
        Instant firstSubmittedAt,
        Instant lastSubmittedAt) {

    public boolean awaitingDecision() {
        return "SUBMITTED".equals(status) || "RESUBMITTED".equals(status);
    }
}
