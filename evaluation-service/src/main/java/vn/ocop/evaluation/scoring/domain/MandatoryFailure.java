package vn.ocop.evaluation.scoring.domain;

/** A mandatory option the council did not reach: the product cannot have {@code requiredStars} stars. */
public record MandatoryFailure(String criterionCode, String criterionTitle, String requiredOptionCode,
        int requiredStars, int membersMeeting, int members) {
}
