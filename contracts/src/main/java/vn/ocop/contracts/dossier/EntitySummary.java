package vn.ocop.contracts.dossier;

/**
 * The economic entity (chủ thể OCOP) behind a dossier, as it stood at submission.
 *
 * @param taxCode nullable: registered households may have none
 */
public record EntitySummary(
        String entityId,
        String name,
        EntityType type,
        String taxCode,
        boolean representativeFemale,
        boolean representativeEthnicMinority) {
}
