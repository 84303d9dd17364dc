package vn.ocop.evaluation.rulebook.domain;

import java.math.BigDecimal;
import java.util.Set;

import vn.ocop.contracts.evaluation.CouncilLevel;

/**
 * What the authority at one council level may do under a regime: certify some star levels, and forward a
 * product whose final star level is above those to the next level when its score reaches {@code forwardFrom}.
 *
 * @param forwardFrom null when this level forwards nothing
 * @param forwardTo   null when this level forwards nothing
 */
public record LevelPowers(CouncilLevel level, Set<Integer> certifies, BigDecimal forwardFrom, CouncilLevel forwardTo) {

    public LevelPowers {
        certifies = Set.copyOf(certifies);
    }

    public int highestCertified() {
        return certifies.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    public boolean forwards() {
        return forwardTo != null && forwardFrom != null;
    }
}
