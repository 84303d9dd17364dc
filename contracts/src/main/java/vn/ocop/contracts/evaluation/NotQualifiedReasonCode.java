package vn.ocop.contracts.evaluation;

/** Why a product did not reach 3 stars. */
public enum NotQualifiedReasonCode {
    /** The mean score is below the 3★ band. */
    SCORE_BAND,
    /** A mandatory criterion (tiêu chí bắt buộc, "điểm liệt") of the star level was not met. */
    MANDATORY_CRITERION,
    /** Members' scores differ by more than the allowed spread. */
    SPREAD,
    /** The session had no quorum. */
    QUORUM
}
