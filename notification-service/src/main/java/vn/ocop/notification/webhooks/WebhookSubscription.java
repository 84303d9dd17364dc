package vn.ocop.notification.webhooks;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A machine client's subscription: event types (CloudEvents types) delivered by signed HTTP POST to its URL.
 * Disabled after {@code consecutiveFailures} reaches the configured limit.
 */
@Document("webhook_subscriptions")
public record WebhookSubscription(
        @Id String id,
        String owner,
        String url,
        List<String> eventTypes,
        String description,
        String secret,
        Status status,
        int consecutiveFailures,
        Instant createdAt,
        Instant disabledAt,
        String disabledReason) {

    public enum Status { ACTIVE, DISABLED }
}
