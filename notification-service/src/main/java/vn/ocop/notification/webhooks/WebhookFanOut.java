package vn.ocop.notification.webhooks;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import vn.ocop.chassis.messaging.EventEnvelope;

/** Turns a consumed event into one pending delivery per active subscription to its type (at most once each). */
@Service
public class WebhookFanOut {

    private final MongoOperations mongo;
    private final Clock clock;

    public WebhookFanOut(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void fanOut(EventEnvelope event) {
        var subscriptions = mongo.find(query(where("status").is(WebhookSubscription.Status.ACTIVE)
                .and("eventTypes").is(event.type())), WebhookSubscription.class);
        if (subscriptions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String body = "{\"type\":\"" + event.type() + "\",\"timestamp\":\""
                + (event.time() == null ? now : event.time()) + "\",\"subject\":\"" + event.subject().replace("\"", "")
                + "\",\"data\":" + new String(event.payload(), StandardCharsets.UTF_8) + "}";
        for (WebhookSubscription subscription : subscriptions) {
            String id = subscription.id() + ":" + event.id();
            String webhookId = "msg_" + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString()
                    .replace("-", "");
            try {
                mongo.insert(new WebhookDelivery(id, webhookId, subscription.id(), event.id(), event.type(), body, now));
            } catch (DuplicateKeyException alreadyFannedOut) {
                // a redelivered record: the delivery exists already
            }
        }
    }
}
