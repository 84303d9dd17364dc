package vn.ocop.notification.email;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;

/**
 * One e-mail to one address, written before it is sent. PENDING → SENDING (claimed by one replica) → SENT, or
 * back to PENDING with a later attempt time, or FAILED after the last attempt. A message left SENDING by a crash
 * is not sent again on its own (at most once); it stays visible for an officer to retry.
 */
@Document("email_messages")
public class EmailMessage extends OutboxDocument {

    public enum State { PENDING, SENDING, SENT, FAILED }

    @Id
    private String id;
    private String noticeKey;
    private String unitCode;
    private String to;
    private String language;
    private String kind;
    private String reference;
    private String subject;
    private String text;
    private String html;
    private State state;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant createdAt;
    private Instant sentAt;
    private String lastError;

    public EmailMessage() {
    }

    public EmailMessage(String id, String noticeKey, String unitCode, String to, String language, String kind,
            String reference, String subject, String text, String html, Instant now) {
        this.id = id;
        this.noticeKey = noticeKey;
        this.unitCode = unitCode;
        this.to = to;
        this.language = language;
        this.kind = kind;
        this.reference = reference;
        this.subject = subject;
        this.text = text;
        this.html = html;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void sent(Instant now) {
        state = State.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
        recordEvent(new vn.ocop.contracts.notification.NotificationSent(id,
                vn.ocop.contracts.notification.NotificationChannel.EMAIL, to, kind, reference, now), id, now);
    }

    void failed(String error, Instant nextAttempt) {
        attempts++;
        lastError = error;
        if (nextAttempt == null) {
            state = State.FAILED;
        } else {
            state = State.PENDING;
            nextAttemptAt = nextAttempt;
        }
    }

    public String getId() { return id; }
    public String getNoticeKey() { return noticeKey; }
    public String getUnitCode() { return unitCode; }
    public String getTo() { return to; }
    public String getLanguage() { return language; }
    public String getKind() { return kind; }
    public String getReference() { return reference; }
    public String getSubject() { return subject; }
    public String getText() { return text; }
    public String getHtml() { return html; }
    public State getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
}
