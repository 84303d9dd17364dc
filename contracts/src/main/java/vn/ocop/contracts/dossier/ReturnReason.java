package vn.ocop.contracts.dossier;

/**
 * One thing to fix before a returned dossier can be resubmitted.
 *
 * @param item the dossier item concerned, e.g. {@code PHIEU_DANG_KY} or a document id
 */
public record ReturnReason(String item, String reason) {
}
