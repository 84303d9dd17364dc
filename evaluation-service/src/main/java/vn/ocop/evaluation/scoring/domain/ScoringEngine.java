package vn.ocop.evaluation.scoring.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.NotQualifiedReason;
import vn.ocop.contracts.evaluation.NotQualifiedReasonCode;
import vn.ocop.evaluation.rulebook.domain.CouncilRules;
import vn.ocop.evaluation.rulebook.domain.LevelPowers;
import vn.ocop.evaluation.rulebook.domain.Regime;
import vn.ocop.evaluation.rulebook.domain.ScoreSheet;

/**
 * Applies a regime to the signed sheets of a case, in this order: the level exists; quorum (share of eligible
 * members incl. the chair); every sheet complete; spread of members' totals; mean rounded by the regime's rule;
 * star by score (bands compare the rounded mean); cap by mandatory options; then the level's powers: certify,
 * forward, or not qualified.
 */
public final class ScoringEngine {

    private ScoringEngine() {
    }

    public static Verdict decide(Regime regime, CouncilLevel level, ScoreSheet sheet, Panel panel,
            List<MemberSheet> sheets) {
        Optional<LevelPowers> found = regime.powersOf(level);
        if (found.isEmpty()) {
            return Verdict.refused(level, Map.of(), "decision.level-not-in-regime", level, regime.code());
        }
        LevelPowers powers = found.get();
        CouncilRules rules = regime.councilRules();
        List<MemberSheet> counted = sheets.stream().filter(s -> panel.eligibleMembers().contains(s.memberId()))
                .sorted(Comparator.comparing(MemberSheet::memberId)).toList();
        int eligible = panel.eligibleMembers().size();
        boolean chairPresent = counted.stream().anyMatch(s -> s.memberId().equals(panel.chairId()));
        boolean enough = eligible > 0 && BigDecimal.valueOf(counted.size())
                .compareTo(rules.quorumRatio().multiply(BigDecimal.valueOf(eligible))) >= 0;
        if (!enough || (rules.chairRequired() && !chairPresent)) {
            return Verdict.refused(level, Map.of(), "decision.no-quorum", counted.size(), eligible,
                    rules.quorumRatio().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString(),
                    chairPresent ? "yes" : "no");
        }
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (MemberSheet member : counted) {
            List<String> missing = missingCriteria(sheet, member);
            if (!missing.isEmpty()) {
                return Verdict.refused(level, Map.of(), "decision.sheet-incomplete", member.memberId(),
                        String.join(", ", missing));
            }
            totals.put(member.memberId(), total(sheet, member));
        }
        BigDecimal highest = totals.values().stream().max(BigDecimal::compareTo).orElseThrow();
        BigDecimal lowest = totals.values().stream().min(BigDecimal::compareTo).orElseThrow();
        if (highest.subtract(lowest).compareTo(rules.maxSpread()) > 0) {
            return Verdict.refused(level, totals, "decision.spread-exceeded", plain(highest.subtract(lowest)),
                    plain(rules.maxSpread()));
        }
        BigDecimal sum = totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exactMean = sum.divide(BigDecimal.valueOf(totals.size()), MathContext.DECIMAL128);
        BigDecimal score = rules.round(exactMean);
        int starsByScore = regime.starsByScore(score);
        List<MandatoryFailure> failures = mandatoryFailures(sheet, counted, rules);
        int starsByMandatory = failures.stream().mapToInt(MandatoryFailure::requiredStars).min().orElse(6) - 1;
        starsByMandatory = Math.min(starsByMandatory, 5);
        int finalStars = Math.min(starsByScore, starsByMandatory);
        List<MandatoryFailure> relevant = failures.stream().filter(f -> f.requiredStars() <= starsByScore).toList();

        if (finalStars < 3) {
            List<NotQualifiedReason> reasons = new ArrayList<>();
            if (starsByScore < 3) {
                reasons.add(new NotQualifiedReason(NotQualifiedReasonCode.SCORE_BAND, "Điểm " + plain(score)
                        + " thuộc hạng " + starsByScore + " sao, dưới ngưỡng 3 sao", null, null));
            } else {
                failures.stream().filter(f -> f.requiredStars() == 3).forEach(f -> reasons.add(new NotQualifiedReason(
                        NotQualifiedReasonCode.MANDATORY_CRITERION, "Không đạt tiêu chí bắt buộc 3 sao: "
                                + f.criterionTitle(), f.criterionCode(), 3)));
            }
            return new Verdict(Verdict.Outcome.NOT_QUALIFIED, level, totals, exactMean, score, rules.rounding(),
                    rules.scale(), starsByScore, starsByMandatory, finalStars, null, relevant, reasons, null, List.of());
        }
        if (powers.certifies().contains(finalStars)) {
            return new Verdict(Verdict.Outcome.CERTIFIED, level, totals, exactMean, score, rules.rounding(),
                    rules.scale(), starsByScore, starsByMandatory, finalStars, null, relevant, List.of(), null, List.of());
        }
        if (powers.forwards() && finalStars > powers.highestCertified() && score.compareTo(powers.forwardFrom()) >= 0) {
            return new Verdict(Verdict.Outcome.FORWARDED, level, totals, exactMean, score, rules.rounding(),
                    rules.scale(), starsByScore, starsByMandatory, finalStars, powers.forwardTo(), relevant, List.of(),
                    null, List.of());
        }
        return Verdict.refused(level, totals, "decision.beyond-level-powers", finalStars, level, regime.code());
    }

    public static BigDecimal total(ScoreSheet sheet, MemberSheet member) {
        BigDecimal total = BigDecimal.ZERO;
        for (ScoreSheet.Criterion criterion : sheet.criteria()) {
            String chosen = member.choices().get(criterion.code());
            total = total.add(criterion.option(chosen).map(ScoreSheet.Option::score).orElse(BigDecimal.ZERO));
        }
        return total;
    }

    private static List<String> missingCriteria(ScoreSheet sheet, MemberSheet member) {
        return sheet.criteria().stream()
                .filter(criterion -> criterion.option(member.choices().get(criterion.code())).isEmpty())
                .map(ScoreSheet.Criterion::code).toList();
    }

    private static List<MandatoryFailure> mandatoryFailures(ScoreSheet sheet, List<MemberSheet> members,
            CouncilRules rules) {
        List<MandatoryFailure> failures = new ArrayList<>();
        for (ScoreSheet.Criterion criterion : sheet.criteria()) {
            for (ScoreSheet.Option required : criterion.options()) {
                if (required.requiredStars() == null) {
                    continue;
                }
                int meeting = 0;
                for (MemberSheet member : members) {
                    ScoreSheet.Option chosen = criterion.option(member.choices().get(criterion.code())).orElseThrow();
                    if (chosen.code().equals(required.code()) || chosen.score().compareTo(required.score()) > 0) {
                        meeting++;
                    }
                }
                boolean met = switch (rules.mandatoryConsensus()) {
                    case ALL -> meeting == members.size();
                    case MAJORITY -> meeting * 2 > members.size();
                };
                if (!met) {
                    failures.add(new MandatoryFailure(criterion.code(), criterion.title(), required.code(),
                            required.requiredStars(), meeting, members.size()));
                }
            }
        }
        return failures;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
