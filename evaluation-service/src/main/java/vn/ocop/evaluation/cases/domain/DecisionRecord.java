package vn.ocop.evaluation.cases.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.NotQualifiedReason;
import vn.ocop.evaluation.scoring.domain.MandatoryFailure;

/**
 * What a council level decided about a case and how: the members' totals, the exact and the rounded mean,
 * the rounding rule applied, the stars by score and by mandatory criteria, the outcome.
 */
public record DecisionRecord(String sessionId, CouncilLevel level, String regimeCode, int sheetVersion,
        String outcome, List<MemberTotal> memberTotals, BigDecimal exactMean, BigDecimal score, RoundingMode rounding,
        int scale, int starsByScore, int starsByMandatory, int finalStars, CouncilLevel forwardedTo,
        List<MandatoryFailure> mandatoryFailures, List<NotQualifiedReason> reasons, String decisionNumber,
        LocalDate decisionDate, Instant decidedAt, String decidedBy) {

    public record MemberTotal(String memberId, BigDecimal total) {
    }
}
