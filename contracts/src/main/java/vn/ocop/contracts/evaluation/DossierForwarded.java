package vn.ocop.contracts.evaluation;

import java.math.BigDecimal;
import java.time.Instant;

import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.Scores;

/**
 * A dossier (hồ sơ) scoring high enough was forwarded to the next council level, e.g. province → central for 5★.
 */
public record DossierForwarded(
        String caseId,
        String dossierId,
        String localityCode,
        BigDecimal score,
        int starsByScore,
        CouncilLevel fromLevel,
        CouncilLevel toLevel,
        Instant forwardedAt) implements OcopEvent {

    public DossierForwarded {
        score = Scores.twoDecimals(score);
    }
}
