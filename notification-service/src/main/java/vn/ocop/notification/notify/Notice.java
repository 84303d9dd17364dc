package vn.ocop.notification.notify;

/**
 * Something to tell one recipient, once: {@code key} identifies it (a second notice with the same key is the
 * same notice and is not delivered again).
 *
 * @param unitCode  the addressed unit (locality, department or province code)
 * @param kind      e.g. {@code DOSSIER_DEADLINE_REMINDER}
 * @param reference nullable id of what it is about (round, period, dossier, certificate)
 */
public record Notice(String key, String unitCode, String kind, String reference, LocalizedText text) {
}
