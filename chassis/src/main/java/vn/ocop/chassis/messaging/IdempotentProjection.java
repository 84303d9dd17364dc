package vn.ocop.chassis.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an event to a read-model document keyed by the aggregate id at most once, with one conditional
 * update: {@code {_id: aggregate, lastSequence: {$lt: sequence}}}, upserting. A duplicate or an older event
 * matches nothing, and the upsert's insert then collides with the existing {@code _id}: nothing changes.
 */
public final class IdempotentProjection {

    public static final String LAST_SEQUENCE = "lastSequence";

    private final MongoOperations mongo;

    public IdempotentProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Returns true when the update was applied, false when this or a later event was applied before. */
    public boolean apply(String collection, String aggregateId, long sequence, Update update) {
        update.set(LAST_SEQUENCE, sequence);
        try {
            var result = mongo.upsert(query(where("_id").is(aggregateId).and(LAST_SEQUENCE).lt(sequence)), update,
                    collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }

    public boolean apply(String collection, ReceivedEvent<?> event, Update update) {
        return apply(collection, event.aggregateId(), event.sequence(), update);
    }
}
