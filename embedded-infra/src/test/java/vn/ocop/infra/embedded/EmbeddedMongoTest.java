package vn.ocop.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    private static final String SPECIALTY = "Lạp xưởng bò Tân Châu — đặc sản An Giang";

    @TempDir
    Path folder;

    @Test
    void h2BackendKeepsDocumentsAcrossRestartsOnTheSamePortAndFile() {
        Path file = folder.resolve("mongo/ocop.mv");
        EmbeddedMongo mongo = EmbeddedMongo.h2(file).start();
        int port = mongo.port();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            products(client).insertOne(new Document("_id", "p-1").append("name", SPECIALTY).append("stars", 4));
        }
        mongo.stop();
        assertThat(mongo.isRunning()).isFalse();

        mongo.start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(mongo.port()).isEqualTo(port);
            assertThat(products(client).find(Filters.eq("_id", "p-1")).first())
                    .containsEntry("name", SPECIALTY).containsEntry("stars", 4);
        } finally {
            mongo.stop();
        }

        EmbeddedMongo nextRun = EmbeddedMongo.h2(file, EmbeddedMongo.DEFAULT_HOST, port).start();
        try (MongoClient client = MongoClients.create(nextRun.connectionString())) {
            assertThat(products(client).find(Filters.eq("_id", "p-1")).first()).containsEntry("name", SPECIALTY);
        } finally {
            nextRun.close();
        }
    }

    @Test
    void memoryBackendServesTheRealDriverAndKeepsDataUntilClosed() {
        EmbeddedMongo mongo = EmbeddedMongo.memory().start();
        assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> products = products(client);
            products.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            products.insertOne(new Document("code", "AG-001").append("name", SPECIALTY).append("stars", 3));
            products.updateOne(Filters.eq("code", "AG-001"), Updates.inc("stars", 1));

            assertThat(products.find(Filters.eq("code", "AG-001")).first()).containsEntry("stars", 4);
            assertThatThrownBy(() -> products.insertOne(new Document("code", "AG-001")))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }

        mongo.stop();
        mongo.start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(products(client).countDocuments()).as("memory data survive stop/start").isEqualTo(1);
        }

        mongo.close();
        mongo.start();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(products(client).countDocuments()).as("close() discards memory data").isZero();
        } finally {
            mongo.close();
        }
    }

    private static MongoCollection<Document> products(MongoClient client) {
        return client.getDatabase("ocop").getCollection("products");
    }
}
