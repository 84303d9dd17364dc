package vn.ocop.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinnedKeysIndexTest {

    @TempDir
    Path folder;

    @Test
    void servesAQueryThatPinsItsKeysAndAddsConditionsWithTheCandidatesOfThosePinnedKeysOnly() {
        Index<Integer> index = PinnedKeysIndex.wrap(new MemoryUniqueIndex("_id_", ids(), false), "_id_", ids(), false);
        for (int position = 0; position < 3; position++) {
            index.add(doc("_id", "d-" + position).append("version", position), position, null);
        }

        de.bwaldvogel.mongo.bson.Document optimisticLock = doc("_id", "d-1").append("version", 1);
        assertThat(index.canHandle(optimisticLock)).isTrue();
        assertThat(index.getPositions(optimisticLock)).containsExactly(1);

        de.bwaldvogel.mongo.bson.Document guard = doc("_id", "d-2").append("version", doc("$lt", 7));
        assertThat(index.canHandle(guard)).isTrue();
        assertThat(index.getPositions(guard)).containsExactly(2);

        de.bwaldvogel.mongo.bson.Document anyOf = doc("_id", doc("$in", List.of("d-0", "d-2", "d-9"))).append("x", 1);
        assertThat(index.canHandle(anyOf)).isTrue();
        assertThat(index.getPositions(anyOf)).containsExactlyInAnyOrder(0, 2);

        de.bwaldvogel.mongo.bson.Document relayClaim = doc("$and", List.of(doc("_id", "d-0"),
                doc("$and", List.of(doc("outbox.0", doc("$exists", true)), doc("$or", List.of(doc("lease", null)))))));
        assertThat(index.canHandle(relayClaim)).isTrue();
        assertThat(index.getPositions(relayClaim)).containsExactly(0);

        assertThat(index.canHandle(doc("version", 1))).as("the key is not pinned").isFalse();
        assertThat(index.canHandle(doc("$or", List.of(doc("_id", "d-0"), doc("version", 2)))))
                .as("one branch of an $or is not a pin").isFalse();
        assertThat(index.canHandle(doc("_id", doc("$gt", "d-0")).append("version", 1)))
                .as("a range on the key is not a pin").isFalse();
        assertThat(index.canHandle(doc("_id.part", "a"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "h2"})
    void conditionalWritesAndQueriesGiveWhatAFullScanGives(String backend) {
        EmbeddedMongo mongo = ("memory".equals(backend) ? EmbeddedMongo.memory() : EmbeddedMongo.h2(folder.resolve("m.mv")))
                .start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> dossiers = client.getDatabase("ocop").getCollection("dossiers");
            List<Document> seed = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                seed.add(new Document("_id", "d-" + i).append("version", 1L).append("locality", i % 2 == 0 ? "883" : "884")
                        .append("name", "Khô cá tra phồng " + i));
            }
            dossiers.insertMany(seed);

            UpdateResult saved = dossiers.updateOne(Filters.and(Filters.eq("_id", "d-7"), Filters.eq("version", 1L)),
                    Updates.set("version", 2L));
            assertThat(dossiers.findOneAndUpdate(Filters.and(Filters.eq("_id", "d-8"),
                    Filters.or(Filters.exists("lease", false), Filters.eq("lease", null))), Updates.set("lease", "relay-1")))
                    .as("a claim inside $and").containsEntry("_id", "d-8");
            assertThat(dossiers.find(Filters.or(Filters.eq("_id", "d-8"), Filters.eq("_id", "d-9"))).into(new ArrayList<>()))
                    .hasSize(2);
            UpdateResult stale = dossiers.updateOne(Filters.and(Filters.eq("_id", "d-7"), Filters.eq("version", 1L)),
                    Updates.set("version", 2L));
            assertThat(saved.getModifiedCount()).isEqualTo(1);
            assertThat(stale.getMatchedCount()).as("optimistic lock: a stale version matches nothing").isZero();

            assertThat(dossiers.find(Filters.and(Filters.in("_id", "d-1", "d-2", "d-3", "d-404"), Filters.eq("locality", "883")))
                    .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactly("d-2");
            assertThat(dossiers.countDocuments(Filters.and(Filters.eq("_id", "d-4"), Filters.regex("name", "^Khô cá"))))
                    .isEqualTo(1);
            assertThat(dossiers.find(Filters.eq("locality", "884")).into(new ArrayList<>())).hasSize(25);

            MongoCollection<Document> projection = client.getDatabase("ocop").getCollection("projection");
            Function<Long, UpdateResult> apply = sequence -> projection.updateOne(
                    Filters.and(Filters.eq("_id", "agg-1"), Filters.lt("lastSequence", sequence)),
                    Updates.combine(Updates.set("lastSequence", sequence), Updates.inc("applied", 1)),
                    new UpdateOptions().upsert(true));
            assertThat(apply.apply(1L).getUpsertedId().asString().getValue()).isEqualTo("agg-1");
            assertThat(apply.apply(2L).getModifiedCount()).isEqualTo(1);
            assertThatThrownBy(() -> apply.apply(2L)).as("the guard refuses a replay: the upsert collides on _id")
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(projection.find(Filters.eq("_id", "agg-1")).first())
                    .containsEntry("lastSequence", 2L).containsEntry("applied", 2);

            MongoCollection<Document> certificates = client.getDatabase("ocop").getCollection("certificates");
            certificates.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).sparse(true));
            certificates.insertOne(new Document("_id", "c-1").append("number", "AG-2020-001").append("stars", 4));
            certificates.insertOne(new Document("_id", "c-2").append("stars", 3));
            assertThat(certificates.find(Filters.and(Filters.eq("number", "AG-2020-001"), Filters.gte("stars", 4))).first())
                    .containsEntry("_id", "c-1");
            assertThat(certificates.countDocuments(Filters.and(Filters.eq("number", null), Filters.eq("stars", 3))))
                    .as("a sparse index does not hide documents without the key").isEqualTo(1);
        } finally {
            mongo.close();
        }
    }

    private static List<IndexKey> ids() {
        return List.of(new IndexKey("_id", true));
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }
}
