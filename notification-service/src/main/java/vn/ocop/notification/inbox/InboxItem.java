package vn.ocop.notification.inbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;

/**
 * One message in an in-app inbox: addressed to a unit (every officer of it sees it) or to one user. Read state is
 * per user ({@code readBy} holds their subjects). Its id is the notice key, so a notice lands in an inbox once.
 */
@Document("inbox")
public class InboxItem extends OutboxDocument {

    public enum RecipientType { UNIT, USER }

    @Id
    private String id;
    private RecipientType recipientType;
    private String recipient;
    private String kind;
    private String reference;
    private String subjectVi;
    private String bodyVi;
    private String subjectEn;
    private String bodyEn;
    private Instant createdAt;
    private Set<String> readBy = new HashSet<>();

    public InboxItem() {
    }

    public InboxItem(String id, RecipientType recipientType, String recipient, String kind, String reference,
            String subjectVi, String bodyVi, String subjectEn, String bodyEn, Instant createdAt) {
        this.id = id;
        this.recipientType = recipientType;
        this.recipient = recipient;
        this.kind = kind;
        this.reference = reference;
        this.subjectVi = subjectVi;
        this.bodyVi = bodyVi;
        this.subjectEn = subjectEn;
        this.bodyEn = bodyEn;
        this.createdAt = createdAt;
    }

    public String getId() { return id; }
    public RecipientType getRecipientType() { return recipientType; }
    public String getRecipient() { return recipient; }
    public String getKind() { return kind; }
    public String getReference() { return reference; }
    public String getSubjectVi() { return subjectVi; }
    public String getBodyVi() { return bodyVi; }
    public String getSubjectEn() { return subjectEn; }
    public String getBodyEn() { return bodyEn; }
    public Instant getCreatedAt() { return createdAt; }
    public Set<String> getReadBy() { return readBy; }
    public void setReadBy(Set<String> readBy) { this.readBy = readBy == null ? new HashSet<>() : readBy; }
}
