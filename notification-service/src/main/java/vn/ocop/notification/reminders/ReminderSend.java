package vn.ocop.notification.reminders;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record that a reminder (deadline, recipient, offset) was decided, inserted BEFORE it is delivered: its id
 * is the send key, unique, so a second replica or a restart can never deliver it twice. PENDING until the notice
 * is in the inbox and the e-mail outbox, then SENT.
 */
@Document("reminder_sends")
public record ReminderSend(
        @Id String id,
        String deadlineId,
        String unitCode,
        int offset,
        String kind,
        State state,
        String bodyVi,
        Instant createdAt,
        Instant sentAt) {

    public enum State { PENDING, SENT }
}
