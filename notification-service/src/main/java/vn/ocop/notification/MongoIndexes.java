package vn.ocop.notification;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the service's queries need. Uniqueness that matters for "at most once" lives in the {@code _id}s
 * (send key, notice key + address, subscription + event), which are unique by construction.
 */
@Component
class MongoIndexes {

    private final MongoOperations mongo;

    MongoIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void ensure() {
        index("deadlines", new Index().on("status", Direction.ASC).on("dueDate", Direction.ASC));
        index("dossiers", new Index().on("roundId", Direction.ASC).on("status", Direction.ASC));
        index("report_submissions", new Index().on("periodId", Direction.ASC));
        index("reminder_sends", new Index().on("deadlineId", Direction.ASC).on("createdAt", Direction.ASC));
        index("inbox", new Index().on("recipientType", Direction.ASC).on("recipient", Direction.ASC)
                .on("createdAt", Direction.DESC));
        index("email_messages", new Index().on("state", Direction.ASC).on("nextAttemptAt", Direction.ASC));
        index("webhook_subscriptions", new Index().on("status", Direction.ASC).on("eventTypes", Direction.ASC));
        index("webhook_deliveries", new Index().on("state", Direction.ASC).on("nextAttemptAt", Direction.ASC));
        index("webhook_deliveries", new Index().on("subscriptionId", Direction.ASC).on("createdAt", Direction.DESC));
    }

    private void index(String collection, Index index) {
        mongo.indexOps(collection).createIndex(index);
    }
}
