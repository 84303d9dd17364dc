package vn.ocop.chassis.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Tells the relay about every {@link OutboxDocument} that a {@code save} or {@code insert} wrote with events, so
 * that they are published at once, found by {@code _id}. A store that writes its outbox with an update instead
 * ({@code $push}) calls {@link OutboxRelay#pending} itself.
 */
public class OutboxSaveListener extends AbstractMongoEventListener<OutboxDocument> {

    private final OutboxRelay relay;

    public OutboxSaveListener(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public void onAfterSave(AfterSaveEvent<OutboxDocument> event) {
        if (!event.getSource().getOutbox().isEmpty()) {
            Document written = event.getDocument();
            relay.pending(event.getCollectionName(), written == null ? null : written.get("_id"));
        }
    }
}
