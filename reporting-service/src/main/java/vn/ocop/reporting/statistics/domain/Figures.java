package vn.ocop.reporting.statistics.domain;

import java.util.Map;

/**
 * The programme's numbers for one slice (see the service README for exactly how each is derived from events).
 *
 * @param ratedByStars stars (3, 4, 5) → certificates issued
 */
public record Figures(
        long submitted,
        long returned,
        long withdrawn,
        long inEvaluation,
        long rated,
        Map<Integer, Long> ratedByStars,
        long notQualified,
        long certificatesValid,
        long certificatesExpiringWithin90Days,
        long certificatesExpired,
        long certificatesRevoked,
        DecisionTime decisionTime) {

    public Figures {
        ratedByStars = Map.copyOf(ratedByStars);
    }
}
