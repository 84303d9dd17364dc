package vn.ocop.contracts.notification;

import java.time.Instant;

import vn.ocop.contracts.OcopEvent;

/**
 * A notification (reminder, decision notice, webhook delivery…) was sent.
 *
 * @param kind      what it was about, e.g. {@code DOSSIER_DEADLINE_REMINDER}
 * @param reference nullable id of the thing it was about (a dossier, round or period id)
 */
public record NotificationSent(
        String notificationId,
        NotificationChannel channel,
        String recipient,
        String kind,
        String reference,
        Instant sentAt) implements OcopEvent {
}
