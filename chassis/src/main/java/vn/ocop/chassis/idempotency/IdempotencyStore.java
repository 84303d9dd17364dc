package vn.ocop.chassis.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Idempotency keys in the service's own MongoDB ({@code idempotency_keys}), removed by a TTL index when they
 * expire. Claiming a key is one insert (the unique {@code _id} decides who is first); a claim whose holder
 * died is taken over once its {@code lockedUntil} has passed.
 */
public final class IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";

    private final MongoOperations mongo;

    public IdempotencyStore(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", org.springframework.data.domain.Sort.Direction.ASC)
                .expire(0, TimeUnit.SECONDS));
    }

    /** Claims the key for a new call, or returns what is known of an earlier call with the same key. */
    public Optional<StoredResponse> begin(String scope, String fingerprint, Instant now, Instant lockedUntil,
            Instant expiresAt) {
        Document claim = new Document("_id", scope).append("fingerprint", fingerprint).append("state", "IN_PROGRESS")
                .append("lockedUntil", Date.from(lockedUntil)).append("expiresAt", Date.from(expiresAt));
        try {
            mongo.insert(claim, COLLECTION);
            return Optional.empty();
        } catch (DuplicateKeyException alreadyThere) {
            Document takenOver = mongo.findAndModify(
                    query(new Criteria().andOperator(where("_id").is(scope), where("state").is("IN_PROGRESS"),
                            where("lockedUntil").lt(Date.from(now)), where("fingerprint").is(fingerprint))),
                    new Update().set("lockedUntil", Date.from(lockedUntil)),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (takenOver != null) {
                return Optional.empty();
            }
            Document existing = mongo.findById(scope, Document.class, COLLECTION);
            if (existing == null) {
                return begin(scope, fingerprint, now, lockedUntil, expiresAt);
            }
            return Optional.of(toResponse(existing));
        }
    }

    public void complete(String scope, StoredResponse response) {
        mongo.updateFirst(query(where("_id").is(scope)), new Update()
                .set("state", "COMPLETED")
                .set("status", response.status())
                .set("contentType", response.contentType())
                .set("location", response.location())
                .set("body", new Binary(response.body()))
                .unset("lockedUntil"), COLLECTION);
    }

    public void abandon(String scope) {
        mongo.remove(query(where("_id").is(scope).and("state").is("IN_PROGRESS")), COLLECTION);
    }

    private static StoredResponse toResponse(Document document) {
        boolean inProgress = "IN_PROGRESS".equals(document.getString("state"));
        Object body = document.get("body");
        byte[] bytes = body instanceof Binary binary ? binary.getData() : body instanceof byte[] raw ? raw : new byte[0];
        Date lockedUntil = document.getDate("lockedUntil");
        return new StoredResponse(document.getString("fingerprint"), inProgress,
                inProgress ? 0 : document.getInteger("status"), document.getString("contentType"),
                document.getString("location"), bytes, lockedUntil == null ? null : lockedUntil.toInstant());
    }
}
