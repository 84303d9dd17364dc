package vn.ocop.infra.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index of mongo-java-server that also serves a query pinning every key of the index and adding more
 * conditions, such as {@code {_id: "d-1", version: 3}} (an optimistic-lock save) or
 * {@code {_id: "d-1", lastSequence: {$lt: 7}}} (an idempotent projection's guard).
 *
 * <p>mongo-java-server consults an index only for a query on exactly the index's keys and matches every
 * document of the collection otherwise, so each conditional write cost time in proportion to the collection's
 * size (profiled in docs/benchmarks.md). A real MongoDB answers such a query from the _id index; this does the
 * same: the wrapped index yields the candidates for the pinned keys and the collection still matches each
 * candidate against the whole query, so a result can only differ from a full scan in the time it takes.
 */
final class PinnedKeysIndex<P> extends Index<P> {

    private final Index<P> index;

    private PinnedKeysIndex(Index<P> index, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.index = index;
    }

    /** The library's own {@code index}, created by its database for {@code name}, {@code keys} and {@code sparse}. */
    static <P> Index<P> wrap(Index<P> index, String name, List<IndexKey> keys, boolean sparse) {
        return new PinnedKeysIndex<>(index, name, keys, sparse);
    }

    @Override
    public boolean canHandle(Document query) {
        Document pinned = pinnedKeys(query);
        return pinned != null && index.canHandle(pinned);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        Document pinned = pinnedKeys(query);
        return index.getPositions(pinned == null ? query : pinned);
    }

    /**
     * The part of {@code query} on this index's keys, taken from its top level or from the conditions of a top-level
     * {@code $and} (both must hold for every result), or null when a key is not pinned there.
     */
    private Document pinnedKeys(Document query) {
        Document pinned = new Document();
        for (String key : keys()) {
            Object condition = conditionOn(key, query);
            if (condition == null) {
                return null;
            }
            pinned.put(key, condition);
        }
        return pinned;
    }

    private static Object conditionOn(String key, Document query) {
        if (query.containsKey(key)) {
            return query.get(key);
        }
        if (query.get("$and") instanceof List<?> conditions) {
            for (Object condition : conditions) {
                if (condition instanceof Document document) {
                    Object found = conditionOn(key, document);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }
}
