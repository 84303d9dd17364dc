package vn.ocop.reporting.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.bulk.BulkWriteError;

import vn.ocop.chassis.messaging.IdempotentProjection;

/**
 * The writes of a batch of events (one poll of the rebuild), written with one unordered bulk write per collection,
 * (in requests of at most {@value #REQUEST_LIMIT} writes) with the semantics of writing them one by one in the
 * order they were collected:
 * <ul>
 * <li>a conditional write ({@link IdempotentProjection}'s {@code {_id, lastSequence: {$lt: sequence}}} upsert)
 * whose sequence is not above one collected before for its aggregate is dropped: after that earlier write the
 * document's {@code lastSequence} is at least as high, so it would have matched nothing;</li>
 * <li>the writes left for one document (rising sequences s1 &lt; … &lt; sk) are folded into one write: their
 * {@code $set}/{@code $unset} in order, the first one's {@code $setOnInsert}, under the first one's guard
 * {@code lastSequence < s1}. Where the document's {@code lastSequence} is below s1, one by one every write
 * would have applied, and the folded write does the same; where it is not, the folded write matches nothing, its
 * insert collides with the existing {@code _id} (11000), and the first write is dropped as one by one it would
 * have been: the rest is folded again and written in a next bulk write;</li>
 * <li>plain upserts of one document (certificates) are folded the same way, without a guard; a duplicate key
 * there is a lost race on the first insert and is retried once, as in the per-event path; any other error fails
 * the flush.</li>
 * </ul>
 * A bulk write never holds two writes of one document, so the order of an unordered bulk write does not matter.
 */
final class ProjectionBatch implements ProjectionWriter.Writes {

    private static final int DUPLICATE_KEY = 11000;
    /**
     * Writes per request: the conditional filter {@code {_id, lastSequence}} cannot use the {@code _id} index of
     * the embedded Mongo-wire server (mongo-java-server scans the collection for it), so one write costs time in
     * proportion to the collection; small requests keep each one well within the driver's read timeout.
     */
    private static final int REQUEST_LIMIT = 50;
    private static final Set<String> FOLDABLE = Set.of("$set", "$unset", "$setOnInsert");

    private record Write(Update update, boolean conditional, long sequence) {
    }

    /** Per collection, per document in the order first written, its writes in order. */
    private final Map<String, Map<String, List<Write>>> writes = new LinkedHashMap<>();
    private final MongoOperations mongo;

    ProjectionBatch(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void applyOnce(String collection, String aggregateId, long sequence, Update update) {
        List<Write> chain = chain(collection, aggregateId);
        for (Write before : chain) {
            if (before.conditional() && before.sequence() >= sequence) {
                return;
            }
        }
        update.set(IdempotentProjection.LAST_SEQUENCE, sequence);
        chain.add(new Write(update, true, sequence));
    }

    @Override
    public void upsert(String collection, String id, Update update) {
        chain(collection, id).add(new Write(update, false, 0));
    }

    private List<Write> chain(String collection, String id) {
        return writes.computeIfAbsent(collection, key -> new LinkedHashMap<>())
                .computeIfAbsent(id, key -> new ArrayList<>());
    }

    /** Writes everything collected, then starts over empty. */
    void flush() {
        try {
            writes.forEach(this::write);
        } finally {
            writes.clear();
        }
    }

    /** One folded write of a document: the first {@code count} writes of its pending chain. */
    private record Folded(String id, List<Write> chain, int count) {
    }

    private void write(String collection, Map<String, List<Write>> documents) {
        Map<String, List<Write>> pending = new LinkedHashMap<>(documents);
        while (!pending.isEmpty()) {
            List<Folded> folded = new ArrayList<>();
            Map<String, List<Write>> next = new LinkedHashMap<>();
            pending.forEach((id, chain) -> {
                int count = foldable(chain);
                folded.add(new Folded(id, chain, count));
                if (count < chain.size()) {
                    next.put(id, chain.subList(count, chain.size()));
                }
            });
            for (int from = 0; from < folded.size(); from += REQUEST_LIMIT) {
                write(collection, folded.subList(from, Math.min(folded.size(), from + REQUEST_LIMIT)), next);
            }
            pending = next;
        }
    }

    /** One unordered bulk write; a conditional write found applied before leaves the rest of its chain in next. */
    private void write(String collection, List<Folded> folded, Map<String, List<Write>> next) {
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        for (Folded write : folded) {
            bulk.upsert(filter(write.id(), write.chain().get(0)), fold(write.chain().subList(0, write.count())));
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            for (BulkWriteError error : e.getErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                Folded failed = folded.get(error.getIndex());
                Write first = failed.chain().get(0);
                if (first.conditional()) {
                    // applied before: drop the first write, fold the rest again
                    List<Write> rest = failed.chain().subList(1, failed.chain().size());
                    next.remove(failed.id());
                    if (!rest.isEmpty()) {
                        next.put(failed.id(), rest);
                    }
                } else {
                    mongo.upsert(filter(failed.id(), first), fold(failed.chain().subList(0, failed.count())),
                            collection);
                }
            }
        }
    }

    /** How many writes from the start of the chain fold into one: all, unless an update is not foldable. */
    private static int foldable(List<Write> chain) {
        int count = 0;
        for (Write write : chain) {
            Document operations = write.update().getUpdateObject();
            boolean plain = FOLDABLE.containsAll(operations.keySet()) && operations.values().stream()
                    .allMatch(fields -> fields instanceof Document document
                            && document.keySet().stream().noneMatch(field -> field.contains(".")));
            if (!plain || (count > 0 && write.conditional() != chain.get(0).conditional())) {
                return Math.max(count, 1);
            }
            count++;
        }
        return count;
    }

    private static Query filter(String id, Write first) {
        return first.conditional()
                ? query(where("_id").is(id).and(IdempotentProjection.LAST_SEQUENCE).lt(first.sequence()))
                : query(where("_id").is(id));
    }

    /** The writes as one: $set and $unset in order, the first write's $setOnInsert for what no later write sets. */
    private static Update fold(List<Write> chain) {
        if (chain.size() == 1) {
            return chain.get(0).update();
        }
        Map<String, Object> set = new LinkedHashMap<>();
        Map<String, Object> unset = new LinkedHashMap<>();
        Map<String, Object> setOnInsert = new LinkedHashMap<>();
        boolean first = true;
        for (Write write : chain) {
            Document operations = write.update().getUpdateObject();
            if (first && operations.get("$setOnInsert") instanceof Document inserted) {
                setOnInsert.putAll(inserted);
            }
            for (var operation : operations.entrySet()) {
                if (operation.getKey().equals("$setOnInsert")) {
                    continue;
                }
                for (var field : ((Document) operation.getValue()).entrySet()) {
                    setOnInsert.remove(field.getKey());
                    if (operation.getKey().equals("$set")) {
                        unset.remove(field.getKey());
                        set.put(field.getKey(), field.getValue());
                    } else {
                        set.remove(field.getKey());
                        unset.put(field.getKey(), field.getValue());
                    }
                }
            }
            first = false;
        }
        Update update = new Update();
        set.forEach(update::set);
        unset.keySet().forEach(update::unset);
        setOnInsert.forEach(update::setOnInsert);
        return update;
    }
}
