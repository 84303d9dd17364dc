package vn.ocop.contracts.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.Scores;

/**
 * A product was judged not to qualify as an OCOP product (không đạt) in this evaluation.
 *
 * @param starsByScore the star band of the score alone, before mandatory criteria
 */
public record ProductNotQualified(
        String caseId,
        String dossierId,
        String localityCode,
        BigDecimal score,
        int starsByScore,
        List<NotQualifiedReason> reasons,
        Instant decidedAt) implements OcopEvent {

    public ProductNotQualified {
        score = Scores.twoDecimals(score);
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons is required"));
    }
}
