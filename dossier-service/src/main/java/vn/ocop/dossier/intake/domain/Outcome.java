package vn.ocop.dossier.intake.domain;

import java.math.BigDecimal;

/**
 * What the evaluation concluded, as far as the locality needs to see it.
 *
 * @param stars null when not qualified
 * @param level council level of the latest step (PROVINCE, CENTRAL…)
 */
public record Outcome(Integer stars, BigDecimal score, String level, String certificateNumber, String decisionNumber) {
}
