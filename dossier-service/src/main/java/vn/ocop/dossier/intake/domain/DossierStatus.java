package vn.ocop.dossier.intake.domain;

/**
 * Where a dossier (hồ sơ) stands: DRAFT → SUBMITTED → (RETURNED_FOR_COMPLETION → RESUBMITTED)* → IN_EVALUATION →
 * RATED | NOT_QUALIFIED; WITHDRAWN from DRAFT, SUBMITTED or RETURNED_FOR_COMPLETION.
 */
public enum DossierStatus {
    DRAFT,
    SUBMITTED,
    RETURNED_FOR_COMPLETION,
    RESUBMITTED,
    IN_EVALUATION,
    RATED,
    NOT_QUALIFIED,
    WITHDRAWN;

    public boolean documentsEditable() {
        return this == DRAFT || this == RETURNED_FOR_COMPLETION;
    }
}
