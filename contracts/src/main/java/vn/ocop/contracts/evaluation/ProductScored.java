package vn.ocop.contracts.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.Scores;

/**
 * A council session closed the scoring of a product: the score is the mean of the members' score sheets.
 */
public record ProductScored(
        String caseId,
        String dossierId,
        String sessionId,
        BigDecimal score,
        int memberCount,
        Instant scoredAt) implements OcopEvent {

    public ProductScored {
        score = Scores.twoDecimals(score);
    }
}
