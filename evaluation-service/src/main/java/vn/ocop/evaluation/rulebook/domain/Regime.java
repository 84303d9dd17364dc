package vn.ocop.evaluation.rulebook.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.ocop.contracts.evaluation.CouncilLevel;

/**
 * A rule set (chế độ quy định) of the OCOP programme, e.g. QĐ 148/2023: validity dates, the score sheet set
 * it scores with, the part totals, the star bands, the council levels and their powers, the council rules and
 * the certificate validity. Data, loaded from {@code rulebook/regimes.json}; never constants in code.
 *
 * @param sheetSet     the score sheets the regime uses (QĐ 1489/2025 amends only the process of 148, so it
 *                     keeps the QĐ 148 sheets)
 * @param partTotals   part code (A, B, C) → maximum points, in sheet order
 * @param starBands    lower bound (inclusive) of each star band, compared with the rounded council mean
 * @param validUntil   null while in force
 */
public record Regime(
        String code,
        int version,
        String name,
        LocalDate validFrom,
        LocalDate validUntil,
        String sheetSet,
        Map<String, BigDecimal> partTotals,
        List<StarBand> starBands,
        Set<Integer> certifiedStars,
        int certificateValidityMonths,
        CouncilRules councilRules,
        List<LevelPowers> levels) {

    public Regime {
        partTotals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(partTotals));
        starBands = starBands.stream().sorted(Comparator.comparing(StarBand::from)).toList();
        certifiedStars = Set.copyOf(certifiedStars);
        levels = List.copyOf(levels);
    }

    public boolean isInForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** The star band of a score that is already rounded by {@link CouncilRules#round}. */
    public int starsByScore(BigDecimal roundedScore) {
        int stars = 0;
        for (StarBand band : starBands) {
            if (roundedScore.compareTo(band.from()) >= 0) {
                stars = band.stars();
            }
        }
        return stars;
    }

    public Optional<LevelPowers> powersOf(CouncilLevel level) {
        return levels.stream().filter(powers -> powers.level() == level).findFirst();
    }

    public record StarBand(int stars, BigDecimal from) {
    }
}
