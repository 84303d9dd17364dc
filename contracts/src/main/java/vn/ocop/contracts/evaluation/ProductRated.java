package vn.ocop.contracts.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.Scores;

/**
 * A product was certified as an OCOP product with 3 to 5 stars (quyết định công nhận, giấy chứng nhận).
 *
 * @param level      the level whose authority certified it (PROVINCE for 3–4★, CENTRAL for 5★ today)
 * @param validUntil end of the certificate's validity (36 months from the decision)
 */
public record ProductRated(
        String caseId,
        String dossierId,
        String productId,
        String productName,
        String entityId,
        String entityName,
        String localityCode,
        int criteriaSetCode,
        int stars,
        BigDecimal score,
        CouncilLevel level,
        String decisionNumber,
        String certificateNumber,
        LocalDate validFrom,
        LocalDate validUntil,
        Instant ratedAt) implements OcopEvent {

    public ProductRated {
        score = Scores.twoDecimals(score);
    }
}
