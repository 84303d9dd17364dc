package vn.ocop.evaluation.rulebook.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a council (hội đồng) turns its members' score sheets into one score.
 *
 * @param maxSpread          largest allowed difference between the highest and the lowest member total;
 *                           beyond it the case must be re-scored
 * @param quorumRatio        share of the (non-conflicted) members who must have signed a sheet, e.g. 0.75
 * @param chairRequired      the chair must be among them
 * @param scale              decimals of the council score (2)
 * @param rounding           rounding of the mean to {@code scale}; the star band compares the rounded mean
 * @param mandatoryConsensus how members' sheets are combined for mandatory criteria
 */
public record CouncilRules(
        BigDecimal maxSpread,
        BigDecimal quorumRatio,
        boolean chairRequired,
        int scale,
        RoundingMode rounding,
        MandatoryConsensus mandatoryConsensus) {

    public BigDecimal round(BigDecimal exact) {
        return exact.setScale(scale, rounding);
    }

    /** A mandatory option counts as met by the council when ALL members met it, or a strict MAJORITY did. */
    public enum MandatoryConsensus {
        ALL,
        MAJORITY
    }
}
