package vn.ocop.evaluation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.contracts.evaluation.NotQualifiedReasonCode;
import vn.ocop.evaluation.rulebook.RegimeFile;
import vn.ocop.evaluation.rulebook.domain.CouncilRules;
import vn.ocop.evaluation.rulebook.domain.CouncilRules.MandatoryConsensus;
import vn.ocop.evaluation.rulebook.domain.Regime;
import vn.ocop.evaluation.rulebook.domain.ScoreSheet;
import vn.ocop.evaluation.scoring.domain.MemberSheet;
import vn.ocop.evaluation.scoring.domain.Panel;
import vn.ocop.evaluation.scoring.domain.ScoringEngine;
import vn.ocop.evaluation.scoring.domain.Verdict;
import vn.ocop.evaluation.scoring.domain.Verdict.Outcome;

/**
 * The engine on the bundled regimes and a synthetic sheet: criterion S gives the member's whole total (one
 * option per test score), criteria M3/M4/M5 hold one option each that is mandatory for 3★/4★/5★ ("yes") and
 * one that is not ("no", same points, so it is not "better").
 */
class ScoringEngineTest {

    private static final Map<String, Regime> REGIMES = RegimeFile.bundled();
    private static final Regime QD148 = REGIMES.get("QD148-2023");
    private static final Regime QD1489 = REGIMES.get("QD1489-2025");
    private static final Regime QD1048 = REGIMES.get("QD1048-2019");
    private static final List<String> SCORES = List.of("0", "29.99", "30", "45", "49.99", "50", "55", "60", "64", "65", "66", "69.99",
            "70", "70.01", "75", "80", "89.99", "90", "95", "100");
    private static final ScoreSheet SHEET = syntheticSheet();
    private static final List<String> FIVE = List.of("chair", "m2", "m3", "m4", "m5");

    @ParameterizedTest(name = "{0} points → {1}, {2}★ by score, {3}★ final")
    @CsvSource({
            "29.99, NOT_QUALIFIED, 1, 1",
            "30,    NOT_QUALIFIED, 2, 2",
            "49.99, NOT_QUALIFIED, 2, 2",
            "50,    CERTIFIED,     3, 3",
            "69.99, CERTIFIED,     3, 3",
            "70,    CERTIFIED,     4, 4",
            "89.99, CERTIFIED,     4, 4",
            "90,    FORWARDED,     5, 5",
            "100,   FORWARDED,     5, 5"})
    void bandEdgesAtTheProvinceUnder1489(String score, Outcome outcome, int byScore, int finalStars) {
        Verdict verdict = decide(QD1489, CouncilLevel.PROVINCE, sameScore(score, 5));

        assertThat(verdict.outcome()).isEqualTo(outcome);
        assertThat(verdict.score()).isEqualByComparingTo(score);
        assertThat(verdict.starsByScore()).isEqualTo(byScore);
        assertThat(verdict.finalStars()).isEqualTo(finalStars);
        if (outcome == Outcome.NOT_QUALIFIED) {
            assertThat(verdict.reasons()).singleElement()
                    .satisfies(reason -> assertThat(reason.code()).isEqualTo(NotQualifiedReasonCode.SCORE_BAND));
        }
        if (outcome == Outcome.FORWARDED) {
            assertThat(verdict.forwardTo()).isEqualTo(CouncilLevel.CENTRAL);
        }
    }

    @ParameterizedTest(name = "{0} points, mandatory met up to {1}★ → {2} {3}★")
    @CsvSource({
            "95, 5, FORWARDED,     5",
            "95, 4, CERTIFIED,     4",
            "95, 3, CERTIFIED,     3",
            "95, 2, NOT_QUALIFIED, 2",
            "75, 5, CERTIFIED,     4",
            "75, 4, CERTIFIED,     4",
            "75, 3, CERTIFIED,     3",
            "75, 2, NOT_QUALIFIED, 2",
            "55, 3, CERTIFIED,     3",
            "55, 2, NOT_QUALIFIED, 2"})
    void mandatoryCriteriaCapTheStarLevel(String score, int metUpTo, Outcome outcome, int finalStars) {
        List<MemberSheet> sheets = FIVE.stream().map(member -> member(member, score, metUpTo)).toList();

        Verdict verdict = decide(QD1489, CouncilLevel.PROVINCE, sheets);

        assertThat(verdict.outcome()).isEqualTo(outcome);
        assertThat(verdict.finalStars()).isEqualTo(finalStars);
        assertThat(verdict.starsByMandatory()).isEqualTo(metUpTo);
        if (outcome == Outcome.NOT_QUALIFIED) {
            assertThat(verdict.reasons()).singleElement().satisfies(reason -> {
                assertThat(reason.code()).isEqualTo(NotQualifiedReasonCode.MANDATORY_CRITERION);
                assertThat(reason.criterionCode()).isEqualTo("M3");
                assertThat(reason.requiredForStars()).isEqualTo(3);
            });
        }
    }

    @ParameterizedTest(name = "{0} at {1}, {2} points → {3} {4}★ {5}")
    @CsvSource({
            "QD148-2023,  DISTRICT, 60, CERTIFIED,     3, ",
            "QD148-2023,  DISTRICT, 75, FORWARDED,     4, PROVINCE",
            "QD148-2023,  DISTRICT, 95, FORWARDED,     5, PROVINCE",
            "QD148-2023,  PROVINCE, 75, CERTIFIED,     4, ",
            "QD148-2023,  PROVINCE, 95, FORWARDED,     5, CENTRAL",
            "QD1489-2025, DISTRICT, 60, REFUSED,       0, ",
            "QD1489-2025, PROVINCE, 60, CERTIFIED,     3, ",
            "QD1489-2025, PROVINCE, 75, CERTIFIED,     4, ",
            "QD1489-2025, PROVINCE, 95, FORWARDED,     5, CENTRAL",
            "QD1489-2025, CENTRAL,  95, CERTIFIED,     5, ",
            "QD1048-2019, DISTRICT, 45, NOT_QUALIFIED, 2, ",
            "QD1048-2019, DISTRICT, 60, FORWARDED,     3, PROVINCE",
            "QD1048-2019, PROVINCE, 60, CERTIFIED,     3, "})
    void theSameScoresGiveEachRegimesLevelDecision(String regime, CouncilLevel level, String score, Outcome outcome,
            int finalStars, CouncilLevel forwardTo) {
        Verdict verdict = decide(REGIMES.get(regime), level, sameScore(score, 5));

        assertThat(verdict.outcome()).isEqualTo(outcome);
        assertThat(verdict.finalStars()).isEqualTo(finalStars);
        assertThat(verdict.forwardTo()).isEqualTo(forwardTo);
        if (outcome == Outcome.REFUSED) {
            assertThat(verdict.refusal()).isEqualTo("decision.level-not-in-regime");
        }
    }

    @ParameterizedTest(name = "members {0} → spread refused: {1}")
    @CsvSource({
            "60;70;65;64;66,       false",
            "60;70.01;65;64;66,    true",
            "89.99;80;80;80;80,    false",
            "100;89.99;95;95;95,   true"})
    void membersTotalsMayDifferByTheConfiguredSpreadAtMost(String totals, boolean refused) {
        String[] scores = totals.split(";");
        List<MemberSheet> sheets = IntStream.range(0, 5).mapToObj(i -> member(FIVE.get(i), scores[i], 5)).toList();

        Verdict verdict = decide(QD148, CouncilLevel.PROVINCE, sheets);

        assertThat(verdict.outcome() == Outcome.REFUSED).isEqualTo(refused);
        if (refused) {
            assertThat(verdict.refusal()).isEqualTo("decision.spread-exceeded");
            assertThat(verdict.memberTotals()).hasSize(5);
        }
    }

    @ParameterizedTest(name = "{0} of 5 signed, chair signed {1} → quorum {2}")
    @CsvSource({
            "5, true,  true",
            "4, true,  true",
            "4, false, false",
            "3, true,  false",
            "0, false, false"})
    void quorumIsThreeQuartersOfTheEligibleMembersIncludingTheChair(int signed, boolean chairSigned, boolean quorum) {
        List<String> signers = new ArrayList<>(chairSigned ? FIVE : FIVE.subList(1, 5));
        List<MemberSheet> sheets = signers.subList(0, signed).stream().map(m -> member(m, "75", 5)).toList();

        Verdict verdict = decide(QD1489, CouncilLevel.PROVINCE, sheets);

        assertThat(verdict.outcome() != Outcome.REFUSED).isEqualTo(quorum);
        if (!quorum) {
            assertThat(verdict.refusal()).isEqualTo("decision.no-quorum");
        }
    }

    @Test
    void conflictedMembersNeitherCountNorWeighInTheQuorum() {
        Panel fourEligible = new Panel("chair", Set.of("chair", "m2", "m3", "m4"));
        List<MemberSheet> sheets = List.of(member("chair", "75", 5), member("m2", "75", 5), member("m3", "75", 5),
                member("m5", "0", 5));

        Verdict verdict = ScoringEngine.decide(QD1489, CouncilLevel.PROVINCE, SHEET, fourEligible, sheets);

        assertThat(verdict.outcome()).isEqualTo(Outcome.CERTIFIED);
        assertThat(verdict.memberTotals()).containsOnlyKeys("chair", "m2", "m3");
        assertThat(verdict.score()).isEqualByComparingTo("75.00");
    }

    @ParameterizedTest(name = "{0} rounds 69.995 to {1} → {2}★")
    @CsvSource({
            "HALF_UP,   70.00, 4",
            "HALF_EVEN, 70.00, 4",
            "DOWN,      69.99, 3"})
    void theMeanIsRoundedToTwoDecimalsByTheRegimesRuleBeforeTheBandIsChosen(RoundingMode rounding, String rounded,
            int stars) {
        Regime regime = withCouncil(QD1489, rules -> new CouncilRules(rules.maxSpread(), rules.quorumRatio(),
                rules.chairRequired(), rules.scale(), rounding, rules.mandatoryConsensus()));
        Panel two = new Panel("chair", Set.of("chair", "m2"));
        List<MemberSheet> sheets = List.of(member("chair", "69.99", 5), member("m2", "70", 5));

        Verdict verdict = ScoringEngine.decide(regime, CouncilLevel.PROVINCE, SHEET, two, sheets);

        assertThat(verdict.exactMean()).isEqualByComparingTo("69.995");
        assertThat(verdict.score()).isEqualTo(new BigDecimal(rounded));
        assertThat(verdict.rounding()).isEqualTo(rounding);
        assertThat(verdict.finalStars()).isEqualTo(stars);
    }

    @ParameterizedTest(name = "{0}: 2 of 3 members meet the 4★ option → {1}★")
    @CsvSource({"MAJORITY, 4", "ALL, 3"})
    void mandatoryConsensusIsConfigurable(MandatoryConsensus consensus, int stars) {
        Regime regime = withCouncil(QD1489, rules -> new CouncilRules(rules.maxSpread(), rules.quorumRatio(),
                rules.chairRequired(), rules.scale(), rules.rounding(), consensus));
        Panel three = new Panel("chair", Set.of("chair", "m2", "m3"));
        List<MemberSheet> sheets = List.of(member("chair", "80", 4), member("m2", "80", 4), member("m3", "80", 3));

        Verdict verdict = ScoringEngine.decide(regime, CouncilLevel.PROVINCE, SHEET, three, sheets);

        assertThat(verdict.finalStars()).isEqualTo(stars);
        assertThat(verdict.mandatoryFailures()).hasSize(consensus == MandatoryConsensus.ALL ? 1 : 0);
    }

    @Test
    void anIncompleteSheetIsRefused() {
        Map<String, String> choices = new LinkedHashMap<>(member("chair", "80", 5).choices());
        choices.remove("M4");
        List<MemberSheet> sheets = new ArrayList<>(sameScore("80", 5).subList(1, 5));
        sheets.add(new MemberSheet("chair", choices));

        Verdict verdict = decide(QD1489, CouncilLevel.PROVINCE, sheets);

        assertThat(verdict.refusal()).isEqualTo("decision.sheet-incomplete");
        assertThat(verdict.refusalArguments()).containsExactly("chair", "M4");
    }

    private static Verdict decide(Regime regime, CouncilLevel level, List<MemberSheet> sheets) {
        return ScoringEngine.decide(regime, level, SHEET, new Panel("chair", Set.copyOf(FIVE)), sheets);
    }

    private static List<MemberSheet> sameScore(String score, int metUpTo) {
        return FIVE.stream().map(member -> member(member, score, metUpTo)).toList();
    }

    private static MemberSheet member(String id, String score, int mandatoryMetUpTo) {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("S", "S." + (SCORES.indexOf(new BigDecimal(score).stripTrailingZeros().toPlainString()) + 1));
        for (int stars = 3; stars <= 5; stars++) {
            choices.put("M" + stars, stars <= mandatoryMetUpTo ? "M" + stars + ".yes" : "M" + stars + ".no");
        }
        return new MemberSheet(id, choices);
    }

    private static ScoreSheet syntheticSheet() {
        List<ScoreSheet.Option> options = new ArrayList<>();
        for (int i = 0; i < SCORES.size(); i++) {
            options.add(new ScoreSheet.Option("S." + (i + 1), SCORES.get(i) + " points", new BigDecimal(SCORES.get(i)),
                    null, i + 2));
        }
        List<ScoreSheet.Criterion> criteria = new ArrayList<>();
        criteria.add(new ScoreSheet.Criterion("S", "Score", null, new BigDecimal("100"), null, 1, options));
        for (int stars = 3; stars <= 5; stars++) {
            criteria.add(new ScoreSheet.Criterion("M" + stars, "Mandatory for " + stars, null, BigDecimal.ZERO, null, 0,
                    List.of(new ScoreSheet.Option("M" + stars + ".no", "no", BigDecimal.ZERO, null, 0),
                            new ScoreSheet.Option("M" + stars + ".yes", "yes", BigDecimal.ZERO, stars, 0))));
        }
        ScoreSheet.Group group = new ScoreSheet.Group("A.1", "All", new BigDecimal("100"), 1, criteria);
        return new ScoreSheet("TEST", 0, "synthetic",
                List.of(new ScoreSheet.Part("A", "Phần A", new BigDecimal("100"), 1, List.of(group))));
    }

    private static Regime withCouncil(Regime regime, java.util.function.UnaryOperator<CouncilRules> change) {
        return new Regime(regime.code(), regime.version(), regime.name(), regime.validFrom(), regime.validUntil(),
                regime.sheetSet(), regime.partTotals(), regime.starBands(), regime.certifiedStars(),
                regime.certificateValidityMonths(), change.apply(regime.councilRules()), regime.levels());
    }
}
