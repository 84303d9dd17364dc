package vn.ocop.notification.webhooks;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import vn.ocop.chassis.outbox.OutboxDocument;
import vn.ocop.contracts.notification.NotificationChannel;
import vn.ocop.contracts.notification.NotificationSent;

/**
 * One event for one subscription. Its id ({@code subscription:event}) makes the fan-out idempotent;
 * {@code webhookId} is the {@code webhook-id} header, the same on every attempt so receivers can deduplicate.
 */
@Document("webhook_deliveries")
public class WebhookDelivery extends OutboxDocument {

    public enum State { PENDING, SENDING, SUCCEEDED, FAILED }

    @Id
    private String id;
    private String webhookId;
    private String subscriptionId;
    private String eventId;
    private String eventType;
    private String payload;
    private State state;
    private int attempts;
    private Instant nextAttemptAt;
    private Instant claimedAt;
    private Instant createdAt;
    private Instant deliveredAt;
    private Integer lastStatus;
    private String lastError;

    public WebhookDelivery() {
    }

    public WebhookDelivery(String id, String webhookId, String subscriptionId, String eventId, String eventType,
            String payload, Instant now) {
        this.id = id;
        this.webhookId = webhookId;
        this.subscriptionId = subscriptionId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.payload = payload;
        this.state = State.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void succeeded(int status, Instant now, String url) {
        attempts++;
        state = State.SUCCEEDED;
        lastStatus = status;
        lastError = null;
        deliveredAt = now;
        recordEvent(new NotificationSent(webhookId, NotificationChannel.WEBHOOK, url, eventType, eventId, now), id, now);
    }

    void failed(Integer status, String error, Instant nextAttempt) {
        attempts++;
        lastStatus = status;
        lastError = error;
        if (nextAttempt == null) {
            state = State.FAILED;
        } else {
            state = State.PENDING;
            nextAttemptAt = nextAttempt;
        }
    }

    void postponed(String reason, Instant nextAttempt) {
        state = State.PENDING;
        lastError = reason;
        nextAttemptAt = nextAttempt;
    }

    void abandoned(String reason) {
        state = State.FAILED;
        lastError = reason;
    }

    public String getId() { return id; }
    public String getWebhookId() { return webhookId; }
    public String getSubscriptionId() { return subscriptionId; }
    public String getEventId() { return eventId; }
    public String getEventType() { return eventType; }
    public String getPayload() { return payload; }
    public State getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getClaimedAt() { return claimedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public Integer getLastStatus() { return lastStatus; }
    public String getLastError() { return lastError; }
}
