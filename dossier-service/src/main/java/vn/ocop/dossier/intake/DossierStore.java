package vn.ocop.dossier.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

import vn.ocop.chassis.errors.NotFoundException;
import vn.ocop.chassis.outbox.OutboxDocument;
import vn.ocop.chassis.outbox.OutboxRelay;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.dossier.intake.domain.Dossier;

/**
 * Loads dossiers and saves them with the events they raised in one document write (the outbox travels in the
 * document, the chassis relay publishes it).
 */
@Component
public class DossierStore {

    private static final Set<String> NOT_SET = Set.of("_id", "_class", "version", OutboxDocument.OUTBOX_FIELD,
            OutboxDocument.LEASE_FIELD);
    private static final List<String> NULLABLE = List.of("roundId", "outcome", "entityName", "productName",
            "criteriaSetCode", "updatedAt");

    private final MongoOperations mongo;
    private final ObjectProvider<OutboxRelay> relay;

    DossierStore(MongoOperations mongo, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    public record Loaded(Dossier dossier, DossierRecord record) {
    }

    public Loaded load(String id) {
        DossierRecord record = mongo.findById(id, DossierRecord.class);
        if (record == null) {
            throw new NotFoundException("dossier.not-found", id);
        }
        return new Loaded(record.toDomain(), record);
    }

    public boolean exists(String id) {
        return mongo.findById(id, DossierRecord.class) != null;
    }

    /**
     * Writes the new state and appends the new events to the outbox in one conditional update. The outbox array is
     * never rewritten as a whole: the relay {@code $pull}s published events without touching the version, so a
     * full replace from a stale copy would put an already published event back (a needless duplicate).
     */
    public DossierRecord save(Loaded loaded, List<OcopEvent> events, Instant at) {
        DossierRecord record = loaded.record();
        record.copyFrom(loaded.dossier());
        record.updatedAt = at;
        for (OcopEvent event : events) {
            record.recordEvent(event, record.id, at);
        }
        if (record.version == null) {
            return mongo.insert(record);
        }
        Document mapped = new Document();
        mongo.getConverter().write(record, mapped);
        Update update = new Update();
        mapped.forEach((field, value) -> {
            if (!NOT_SET.contains(field)) {
                update.set(field, value);
            }
        });
        for (String nullable : NULLABLE) {
            if (!mapped.containsKey(nullable)) {
                update.unset(nullable);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> outbox = (List<Object>) mapped.get(OutboxDocument.OUTBOX_FIELD);
        if (!events.isEmpty()) {
            update.push(OutboxDocument.OUTBOX_FIELD).each(outbox.subList(outbox.size() - events.size(), outbox.size())
                    .toArray());
        }
        update.inc("version", 1);
        UpdateResult result = mongo.updateFirst(query(where("_id").is(record.id).and("version").is(record.version)),
                update, DossierRecord.class);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("dossier " + record.id + " changed meanwhile");
        }
        record.version = record.version + 1;
        if (!events.isEmpty()) {
            // an update, not a save: the relay's save listener does not see it
            relay.ifAvailable(it -> it.pending(mongo.getCollectionName(DossierRecord.class), record.id));
        }
        return record;
    }

    /** Applies a change, retrying a few times when another writer got there first. */
    public <T> T update(String id, Instant at, Function<Dossier, List<OcopEvent>> change, Function<DossierRecord, T> result) {
        return update(load(id), at, change, result);
    }

    /**
     * The same, starting from a dossier the caller has just loaded (to check access, say), so that it is not read
     * twice; after a conflict it is read again.
     */
    public <T> T update(Loaded current, Instant at, Function<Dossier, List<OcopEvent>> change,
            Function<DossierRecord, T> result) {
        OptimisticLockingFailureException last = null;
        Loaded loaded = current;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (attempt > 0) {
                loaded = load(current.record().id);
            }
            List<OcopEvent> events = change.apply(loaded.dossier());
            if (events == null) {
                return result.apply(loaded.record());
            }
            try {
                return result.apply(save(loaded, events, at));
            } catch (OptimisticLockingFailureException e) {
                last = e;
            }
        }
        throw last;
    }
}
