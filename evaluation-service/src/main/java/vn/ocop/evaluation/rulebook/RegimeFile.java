package vn.ocop.evaluation.rulebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.contracts.evaluation.CouncilLevel;
import vn.ocop.evaluation.rulebook.domain.CouncilRules;
import vn.ocop.evaluation.rulebook.domain.LevelPowers;
import vn.ocop.evaluation.rulebook.domain.Regime;

/** Reads the regimes resource ({@code rulebook/regimes.json}) into domain regimes. */
public final class RegimeFile {

    public static final String RESOURCE = "/rulebook/regimes.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private RegimeFile() {
    }

    record Band(int stars, BigDecimal from) {
    }

    record Council(BigDecimal maxSpread, BigDecimal quorumRatio, boolean chairRequired, int scale,
            RoundingMode rounding, CouncilRules.MandatoryConsensus mandatoryConsensus) {
    }

    record Level(CouncilLevel level, Set<Integer> certifies, BigDecimal forwardFrom, CouncilLevel forwardTo) {
    }

    record Entry(String code, int version, String name, LocalDate validFrom, LocalDate validUntil, String sheetSet,
            LinkedHashMap<String, BigDecimal> partTotals, List<Band> starBands, Set<Integer> certifiedStars,
            int certificateValidityMonths, Council council, List<Level> levels) {

        Regime toDomain() {
            return new Regime(code, version, name, validFrom, validUntil, sheetSet, partTotals,
                    starBands.stream().map(b -> new Regime.StarBand(b.stars(), b.from())).toList(), certifiedStars,
                    certificateValidityMonths,
                    new CouncilRules(council.maxSpread(), council.quorumRatio(), council.chairRequired(),
                            council.scale(), council.rounding(), council.mandatoryConsensus()),
                    levels.stream().map(l -> new LevelPowers(l.level(), l.certifies() == null ? Set.of() : l.certifies(),
                            l.forwardFrom(), l.forwardTo())).toList());
        }
    }

    record Root(List<Entry> regimes) {
    }

    public static List<Regime> read(InputStream json) {
        return JSON.readValue(json, Root.class).regimes().stream().map(Entry::toDomain).toList();
    }

    public static Map<String, Regime> bundled() {
        try (InputStream in = RegimeFile.class.getResourceAsStream(RESOURCE)) {
            Map<String, Regime> regimes = new LinkedHashMap<>();
            read(in).forEach(regime -> regimes.put(regime.code(), regime));
            return regimes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
