package vn.ocop.evaluation.scoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.NotQualifiedReason;

/**
 * What the rules say about a case once its council has scored it. REFUSED means no decision may be taken yet
 * (no quorum, members' totals too far apart, incomplete sheets, a level the regime lacks or whose powers do not
 * cover the result), with the refusal code and its arguments.
 *
 * @param score            the council mean rounded with {@code rounding} to {@code scale} decimals
 * @param exactMean        the mean before rounding
 * @param starsByMandatory highest star level whose mandatory options (and those of lower levels) are all met
 * @param finalStars       min(starsByScore, starsByMandatory)
 */
public record Verdict(
        Outcome outcome,
        CouncilLevel level,
        Map<String, BigDecimal> memberTotals,
        BigDecimal exactMean,
        BigDecimal score,
        RoundingMode rounding,
        int scale,
        int starsByScore,
        int starsByMandatory,
        int finalStars,
        CouncilLevel forwardTo,
        List<MandatoryFailure> mandatoryFailures,
        List<NotQualifiedReason> reasons,
        String refusal,
        List<Object> refusalArguments) {

    public enum Outcome {
        CERTIFIED,
        FORWARDED,
        NOT_QUALIFIED,
        REFUSED
    }

    static Verdict refused(CouncilLevel level, Map<String, BigDecimal> totals, String code, Object... arguments) {
        return new Verdict(Outcome.REFUSED, level, totals, null, null, null, 0, 0, 0, 0, null, List.of(), List.of(),
                code, List.of(arguments));
    }
}
