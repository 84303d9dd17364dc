package vn.ocop.reporting.projection;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.bson.Document;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;

import vn.ocop.chassis.messaging.IdempotentProjection;

/**
 * The writes of a batch of events (one poll of the rebuild), with the semantics of writing them one by one in the
 * order they were collected (conditional writes as {@link IdempotentProjection}'s
 * {@code {_id, lastSequence: {$lt: sequence}}} upsert, plain writes as an upsert by {@code _id}), but with the
 * sequence guard evaluated here, in memory, instead of inside Mongo.
 * <p>
 * <b>Only for collections nobody else writes while the batch is in use</b>: the generation a rebuild is building,
 * which only the rebuild writes until the pointer switches ({@link Generations}, {@link ProjectionRebuild}). Then
 * the {@code lastSequence} read at the start of a flush is still the document's when the flush writes it, and the
 * guard decided here is the one Mongo would have decided. (The live feed keeps {@link IdempotentProjection}'s guard
 * in Mongo: replicas and redeliveries race there.)
 * <p>
 * A flush, per collection:
 * <ol>
 * <li>takes the current {@code lastSequence} of the batch's documents from memory: the collection's guards are
 * read once, with one read of the whole collection when the batch first writes it (nothing, for a fresh
 * generation), and kept up to date by every flush (see {@link #lastSequences}). The guarded filter
 * {@code {_id, lastSequence}} is never sent: mongo-java-server uses its {@code _id} index only for a filter on
 * {@code _id} alone and scans the whole collection for anything else, so each guarded write cost time in
 * proportion to the collection;</li>
 * <li>walks each document's writes in the order collected, exactly as Mongo's guard would: a conditional write of
 * sequence s applies when the document does not exist or its {@code lastSequence} is below s (a document without a
 * numeric {@code lastSequence}, e.g. created by a plain upsert, never matches the guard: its conditional writes
 * are dropped, as the guarded upsert's insert would collide with the {@code _id}), and leaves
 * {@code lastSequence} = s; a plain upsert always applies (its {@code $set}/{@code $unset} of
 * {@code lastSequence}, if any, tracked likewise);</li>
 * <li>folds the writes that apply, per document, into one upsert whose filter is exactly {@code {_id}}: their
 * {@code $set}/{@code $unset} in order, the first one's {@code $setOnInsert} (only the first of a run of upserts that
 * all apply can insert); an update that does not fold (operators other than these, or dotted paths) is written on
 * its own, in a next round;</li>
 * <li>writes each round as unordered bulk writes (at most {@value #REQUEST_LIMIT} writes per request). A bulk write
 * never holds two writes of one document, so the order within it does not matter. A document the guards say does
 * not exist yet, whose first writes fold, is inserted whole ({@code _id}, the fold's {@code $setOnInsert} and
 * {@code $set}), which is what the upsert would have created: mongo-java-server applies an upsert's operators field
 * by field, an insert takes the document as it is (a rebuild into a fresh generation is almost all inserts). The
 * writes go to the driver as documents, without Spring's query and update mapping: ids and values are converted
 * as that mapping converts them ({@link #mongoId}, {@link #mongoValue}).</li>
 * </ol>
 * {@link #flushInBackground()} does the same on one writer thread of the batch, one flush after the other in the
 * order handed over, while the caller collects the next poll: decoding here and writing in MongoDB overlap instead
 * of taking turns (the rebuild; at most {@value #HANDED_OVER} flushes wait or run at a time).
 */
final class ProjectionBatch implements ProjectionWriter.Writes, AutoCloseable {

    private static final int DUPLICATE_KEY = 11000;
    /** Writes per request: every write is by {@code _id} alone, which mongo-java-server serves from its index. */
    private static final int REQUEST_LIMIT = 1_000;
    private static final Set<String> FOLDABLE = Set.of("$set", "$unset", "$setOnInsert");
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** A document that exists without a numeric {@code lastSequence}: no guard {@code lastSequence < s} matches it. */
    private static final long NEVER_MATCHES = Long.MAX_VALUE;

    private record Write(Update update, boolean conditional, long sequence) {
    }

    /** Per collection, per document in the order first written, its writes in order. */
    private Map<String, Map<String, List<Write>>> writes = new LinkedHashMap<>();
    private static final int HANDED_OVER = 2;
    private final Semaphore handedOver = new Semaphore(HANDED_OVER);
    private ExecutorService writer;
    private volatile RuntimeException writeFailure;
    private final MongoOperations mongo;
    /**
     * Per collection, the {@code lastSequence} of each of its documents, by {@code _id}: the guard, kept here
     * because nothing else writes these collections while the batch is in use. mongo-java-server answers a
     * {@code _id: {$in: [...]}} of a poll's 2,000 ids in about as long as scanning the collection (measured:
     * ≈130 ms on 18,000 documents), so reading the guards per flush would again cost time in proportion to the
     * collection. Memory: the id String and ≈24 bytes of table per document ({@link SequenceGuards}), ≈100 MB for
     * 1,000,000 ids over all collections of a generation, released with the batch when the rebuild ends.
     */
    private final Map<String, SequenceGuards> lastSequences = new HashMap<>();

    ProjectionBatch(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void applyOnce(String collection, String aggregateId, long sequence, Update update) {
        // whether it applies is decided at the flush, from the document's lastSequence and the writes before it
        update.set(IdempotentProjection.LAST_SEQUENCE, sequence);
        chain(collection, aggregateId).add(new Write(update, true, sequence));
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
        awaitWritten();
        try {
            writes.forEach(this::write);
        } finally {
            writes = new LinkedHashMap<>();
        }
    }

    /**
     * Hands everything collected to the writer thread and starts over empty; waits while {@value #HANDED_OVER}
     * earlier flushes are unfinished. Throws the failure of an earlier flush: after one, nothing more is written.
     */
    void flushInBackground() {
        throwWriteFailure();
        Map<String, Map<String, List<Write>>> collected = writes;
        writes = new LinkedHashMap<>();
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "projection-batch-writer");
                thread.setDaemon(true);
                return thread;
            });
        }
        handedOver.acquireUninterruptibly();
        writer.execute(() -> {
            try {
                if (writeFailure == null) {
                    collected.forEach(this::write);
                }
            } catch (RuntimeException failure) {
                writeFailure = failure;
            } finally {
                handedOver.release();
            }
        });
    }

    /** Waits until every flush handed to the writer thread is written; throws the failure of one that was not. */
    void awaitWritten() {
        handedOver.acquireUninterruptibly(HANDED_OVER);
        handedOver.release(HANDED_OVER);
        throwWriteFailure();
    }

    private void throwWriteFailure() {
        RuntimeException failure = writeFailure;
        if (failure != null) {
            throw new IllegalStateException("a batched write failed: " + failure.getMessage(), failure);
        }
    }

    /** Stops the writer thread (a flush still running is interrupted). */
    @Override
    public void close() {
        if (writer != null) {
            writer.shutdownNow();
        }
    }

    private void write(String collection, Map<String, List<Write>> documents) {
        SequenceGuards guards = lastSequences.get(collection);
        if (guards == null) {
            guards = load(collection);
        }
        // per document, its writes that apply, folded into segments; round r writes every document's segment r
        Map<String, List<List<Write>>> segments = new LinkedHashMap<>();
        Map<String, Long> after = new HashMap<>();
        int rounds = 0;
        for (var document : documents.entrySet()) {
            String id = document.getKey();
            List<Write> applied = applied(document.getValue(), guards.contains(id) ? guards.get(id, 0) : null,
                    after, id);
            if (!applied.isEmpty()) {
                List<List<Write>> folded = segments(applied);
                segments.put(document.getKey(), folded);
                rounds = Math.max(rounds, folded.size());
            }
        }
        // until the writes succeeded, the collection's guards are unknown: a failed flush reads them again
        lastSequences.remove(collection);
        for (int round = 0; round < rounds; round++) {
            List<String> ids = new ArrayList<>();
            List<List<Write>> roundWrites = new ArrayList<>();
            for (var document : segments.entrySet()) {
                if (round < document.getValue().size()) {
                    ids.add(document.getKey());
                    roundWrites.add(document.getValue().get(round));
                }
            }
            for (int from = 0; from < ids.size(); from += REQUEST_LIMIT) {
                int to = Math.min(ids.size(), from + REQUEST_LIMIT);
                write(collection, ids.subList(from, to), roundWrites.subList(from, to), round == 0 ? guards : null);
            }
        }
        guards.putAll(after);
        lastSequences.put(collection, guards);
    }

    /**
     * The {@code lastSequence} of every document of the collection, read once, when the batch first writes it (a
     * fresh generation: nothing), then kept up to date by the flushes: a value for every document that exists
     * ({@link #NEVER_MATCHES} when it has no numeric {@code lastSequence}), none for a document that does not.
     */
    private SequenceGuards load(String collection) {
        SequenceGuards loaded = new SequenceGuards();
        for (Document document : mongo.getCollection(collection).find()
                .projection(Projections.include(IdempotentProjection.LAST_SEQUENCE)).batchSize(10_000)) {
            loaded.put(String.valueOf(document.get("_id")), sequence(document.get(IdempotentProjection.LAST_SEQUENCE)));
        }
        return loaded;
    }

    /** A stored lastSequence as the guard {@code lastSequence < s} (s a whole number) sees it. */
    private static long sequence(Object stored) {
        if (stored instanceof Double || stored instanceof Float) {
            return (long) Math.floor(((Number) stored).doubleValue());
        }
        if (stored instanceof Number number) {
            return number.longValue();
        }
        return NEVER_MATCHES; // missing, null or not a number: $lt matches nothing
    }

    /**
     * The writes of one document that apply when written one by one, from its {@code lastSequence} (null: the
     * document does not exist), as {@link IdempotentProjection}'s guard decides each conditional one.
     */
    private static List<Write> applied(List<Write> chain, Long lastSequence, Map<String, Long> after, String id) {
        Long current = lastSequence;
        List<Write> applied = new ArrayList<>(chain.size());
        for (Write write : chain) {
            if (write.conditional()) {
                if (current != null && current >= write.sequence()) {
                    continue; // matches nothing, the upsert's insert collides with _id: not applied
                }
                applied.add(write);
                current = write.sequence(); // the update sets lastSequence to its sequence
            } else {
                applied.add(write);
                current = afterPlain(write.update().getUpdateObject(), current);
            }
        }
        if (current != null) {
            after.put(id, current);
        }
        return applied;
    }

    /** The lastSequence after a plain upsert: set or unset by it, else as before (absent before: none). */
    private static long afterPlain(Document operations, Long before) {
        if (operations.get("$set") instanceof Document set && set.containsKey(IdempotentProjection.LAST_SEQUENCE)) {
            return sequence(set.get(IdempotentProjection.LAST_SEQUENCE));
        }
        if (operations.get("$unset") instanceof Document unset
                && unset.containsKey(IdempotentProjection.LAST_SEQUENCE)) {
            return NEVER_MATCHES;
        }
        if (before == null && operations.get("$setOnInsert") instanceof Document inserted
                && inserted.containsKey(IdempotentProjection.LAST_SEQUENCE)) {
            return sequence(inserted.get(IdempotentProjection.LAST_SEQUENCE));
        }
        return before == null ? NEVER_MATCHES : before;
    }

    /** The writes that apply, in runs that fold into one upsert; an update that does not fold is a run alone. */
    private static List<List<Write>> segments(List<Write> applied) {
        List<List<Write>> segments = new ArrayList<>();
        List<Write> run = new ArrayList<>();
        for (Write write : applied) {
            if (foldable(write)) {
                run.add(write);
            } else {
                if (!run.isEmpty()) {
                    segments.add(run);
                    run = new ArrayList<>();
                }
                segments.add(List.of(write));
            }
        }
        if (!run.isEmpty()) {
            segments.add(run);
        }
        return segments;
    }

    /** Whether an update has only {@link #FOLDABLE} operators, on top-level fields (no dotted paths). */
    private static boolean foldable(Write write) {
        for (Map.Entry<String, Object> operation : write.update().getUpdateObject().entrySet()) {
            if (!FOLDABLE.contains(operation.getKey()) || !(operation.getValue() instanceof Document fields)) {
                return false;
            }
            for (String field : fields.keySet()) {
                if (field.indexOf('.') >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * One unordered bulk write, one write per document: an insert of the whole document when {@code existing} (the
     * guards before the flush, given for the first round only) has no entry for it and its writes fold, otherwise
     * an upsert by {@code _id} alone.
     */
    private void write(String collection, List<String> ids, List<List<Write>> runs, SequenceGuards existing) {
        List<WriteModel<Document>> models = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            List<Write> run = runs.get(i);
            Object id = mongoId(ids.get(i));
            if (existing != null && !existing.contains(ids.get(i)) && foldable(run.get(0))) {
                models.add(new InsertOneModel<>(inserted(id, fold(run))));
            } else {
                models.add(new UpdateOneModel<>(new Document("_id", id), mongoOperations(fold(run)), UPSERT));
            }
        }
        try {
            mongo.getCollection(collection).bulkWrite(models, UNORDERED);
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                List<Write> failed = runs.get(error.getIndex());
                if (failed.stream().anyMatch(Write::conditional)) {
                    // the guard read at the start of the flush no longer holds: someone else writes this collection
                    throw new IllegalStateException("document " + ids.get(error.getIndex()) + " of " + collection
                            + " was inserted by another writer during a batched flush", e);
                }
                // a plain upsert lost a race on the first insert: the retry updates, as in the per-event path
                mongo.upsert(query(where("_id").is(ids.get(error.getIndex()))), fold(failed), collection);
            }
        }
    }

    /** The document an upsert of these folded writes creates when nothing matches its {@code {_id}} filter. */
    private Document inserted(Object id, Update folded) {
        Document document = new Document("_id", id);
        Document operations = folded.getUpdateObject();
        for (String operator : List.of("$setOnInsert", "$set")) {
            if (operations.get(operator) instanceof Document fields) {
                fields.forEach((field, value) -> document.put(field, mongoValue(value)));
            }
        }
        return document; // an $unset of a field the new document does not have changes nothing
    }

    /** The update's operators with their values converted for the driver. */
    private Document mongoOperations(Update update) {
        Document operations = new Document();
        update.getUpdateObject().forEach((operator, fields) -> {
            Document converted = new Document();
            ((Document) fields).forEach((field, value) -> converted.put(field, mongoValue(value)));
            operations.put(operator, converted);
        });
        return operations;
    }

    /** An {@code _id} as Spring's query mapping sends it (a 24-digit hexadecimal string becomes an ObjectId). */
    private Object mongoId(String id) {
        return mongo.getConverter().convertId(id, ObjectId.class);
    }

    /** A value as Spring's update mapping sends it; the types the driver takes as they are skip the converter. */
    private Object mongoValue(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double) {
            return value;
        }
        return mongo.getConverter().convertToMongoType(value);
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
