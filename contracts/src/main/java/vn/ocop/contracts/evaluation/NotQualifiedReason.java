package vn.ocop.contracts.evaluation;

/**
 * One reason a product was not qualified.
 *
 * @param criterionCode    nullable; set for {@link NotQualifiedReasonCode#MANDATORY_CRITERION}
 * @param requiredForStars nullable; the star level whose mandatory criterion failed
 */
public record NotQualifiedReason(
        NotQualifiedReasonCode code,
        String message,
        String criterionCode,
        Integer requiredForStars) {
}
