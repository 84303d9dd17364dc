package vn.ocop.evaluation.cases.domain;

public enum CaseStatus {
    /** Waiting for (or in) a council session at its current level. */
    OPEN,
    CERTIFIED,
    NOT_QUALIFIED,
    WITHDRAWN,
    /** The dossier was returned and resubmitted: a newer case replaces this one. */
    SUPERSEDED
}
