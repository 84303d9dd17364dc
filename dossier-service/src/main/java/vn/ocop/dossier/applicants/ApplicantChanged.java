package vn.ocop.dossier.applicants;

/** Published in-process when an entity or product was edited, so that copies of its names can follow. */
public record ApplicantChanged(String entityId, String productId) {
}
