package vn.ocop.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;

import vn.ocop.chassis.messaging.IdempotentProjection;
import vn.ocop.reporting.support.ReportingIntegrationTest;

/**
 * The batched writes of the rebuild against the per-event writes of the live feed: the same deliveries (aggregates
 * interleaved, duplicates, older events delivered again after newer ones), flushed at random points, give the
 * same documents.
 */
class ProjectionBatchTest extends ReportingIntegrationTest {

    @Autowired
    MongoOperations mongo;

    private record Delivery(String id, long sequence) {
    }

    @ParameterizedTest(name = "written in the background: {0}")
    @ValueSource(booleans = {false, true})
    void batchedConditionalAndPlainUpsertsEqualWritingOneByOne(boolean background) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String oneByOne = "batch_one_" + run;
        String batched = "batch_many_" + run;
        String plainOneByOne = "batch_plain_one_" + run;
        String plainBatched = "batch_plain_many_" + run;
        Random random = new Random(17);
        List<Delivery> deliveries = deliveries(random, 300);
        assertThat(deliveries).hasSizeGreaterThan(1_000);

        IdempotentProjection projection = new IdempotentProjection(mongo);
        for (Delivery delivery : deliveries) {
            projection.apply(oneByOne, delivery.id(), delivery.sequence(), update(delivery));
            mongo.upsert(query(where("_id").is(delivery.id())), plain(delivery), plainOneByOne);
        }
        try (ProjectionBatch batch = new ProjectionBatch(mongo)) {
            int untilFlush = 1 + random.nextInt(400);
            for (Delivery delivery : deliveries) {
                batch.applyOnce(batched, delivery.id(), delivery.sequence(), update(delivery));
                batch.upsert(plainBatched, delivery.id(), plain(delivery));
                if (--untilFlush == 0) {
                    flush(batch, background);
                    untilFlush = 1 + random.nextInt(400);
                }
            }
            flush(batch, background);
            batch.awaitWritten();
        }

        List<Document> expected = documents(oneByOne);
        assertThat(expected).anyMatch(document -> document.get("_id") instanceof ObjectId)
                .anyMatch(document -> document.get("when") instanceof Date);
        assertThat(documents(batched)).hasSize(300).isEqualTo(expected);
        assertThat(documents(plainBatched)).hasSize(300).isEqualTo(documents(plainOneByOne));
    }

    /**
     * The guard evaluated in memory from the documents found at the flush, with the writes of both kinds mixed on
     * one collection: documents that existed before the batch (with a lastSequence below, within or above the
     * delivered sequences, or without one), plain upserts before and between conditional ones, and updates that do
     * not fold ($inc, dotted paths) written in rounds of their own.
     */
    @ParameterizedTest(name = "written in the background: {0}")
    @ValueSource(booleans = {false, true})
    void batchedMixedWritesOnExistingDocumentsEqualWritingOneByOne(boolean background) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String oneByOne = "batch_mixed_one_" + run;
        String batched = "batch_mixed_many_" + run;
        Random random = new Random(29);
        List<Delivery> deliveries = deliveries(random, 200);
        for (int a = 0; a < 200; a += 3) {
            // as the live feed stores them: a hexadecimal id as an ObjectId
            Object id = ObjectId.isValid(aggregate(a)) ? new ObjectId(aggregate(a)) : aggregate(a);
            Document existing = new Document("_id", id).append("origin", "existing");
            if (a % 4 != 0) {
                existing.append(IdempotentProjection.LAST_SEQUENCE, (long) (a % 7));
            }
            mongo.insert(Document.parse(existing.toJson()), oneByOne);
            mongo.insert(Document.parse(existing.toJson()), batched);
        }

        IdempotentProjection projection = new IdempotentProjection(mongo);
        for (Delivery delivery : deliveries) {
            if (mixedPlain(delivery)) {
                mongo.upsert(query(where("_id").is(delivery.id())), plain(delivery), oneByOne);
            }
            projection.apply(oneByOne, delivery.id(), delivery.sequence(), unfoldable(delivery));
        }
        try (ProjectionBatch batch = new ProjectionBatch(mongo)) {
            int untilFlush = 1 + random.nextInt(300);
            for (Delivery delivery : deliveries) {
                if (mixedPlain(delivery)) {
                    batch.upsert(batched, delivery.id(), plain(delivery));
                }
                batch.applyOnce(batched, delivery.id(), delivery.sequence(), unfoldable(delivery));
                if (--untilFlush == 0) {
                    flush(batch, background);
                    untilFlush = 1 + random.nextInt(300);
                }
            }
            flush(batch, background);
            batch.awaitWritten();
        }

        assertThat(documents(batched)).hasSize(200).isEqualTo(documents(oneByOne));
    }

    @Test
    void aFailedBackgroundWriteFailsTheNextHandOverAndTheWaitAndWritesNothingAfterIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String collection = "batch_failing_" + run;
        try (ProjectionBatch batch = new ProjectionBatch(mongo)) {
            // a $set and an $inc of the same field in one update: MongoDB refuses the write
            batch.upsert(collection, "aggregate-1", new Update().set("count", 1).inc("count", 1));
            batch.flushInBackground();
            assertThatThrownBy(batch::awaitWritten).isInstanceOf(IllegalStateException.class);
            batch.upsert(collection, "aggregate-2", new Update().set("count", 2));
            assertThatThrownBy(batch::flushInBackground).isInstanceOf(IllegalStateException.class);
        }
        assertThat(mongo.getCollection(collection).countDocuments()).isZero();
    }

    private static void flush(ProjectionBatch batch, boolean background) {
        if (background) {
            batch.flushInBackground();
        } else {
            batch.flush();
        }
    }

    /** A plain upsert before some deliveries: on an absent document it creates it without lastSequence. */
    private static boolean mixedPlain(Delivery delivery) {
        return (delivery.id().hashCode() + delivery.sequence()) % 5 == 0;
    }

    /** Like {@link #update}, and now and then an $inc or a dotted path, which are written unfolded. */
    private static Update unfoldable(Delivery delivery) {
        Update update = update(delivery);
        long s = delivery.sequence();
        if (s % 3 == 0) {
            update.inc("count", 1);
        }
        if (s % 5 == 1) {
            update.set("nested.at" + s, s);
        }
        return update;
    }

    /** Up to 8 events per aggregate, interleaved at random, a third delivered again after newer ones. */
    private static List<Delivery> deliveries(Random random, int aggregates) {
        List<List<Delivery>> pending = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            List<Delivery> stream = new ArrayList<>();
            int events = 1 + random.nextInt(8);
            for (long s = 1; s <= events; s++) {
                stream.add(new Delivery(aggregate(a), s));
            }
            pending.add(stream);
        }
        List<Delivery> delivery = new ArrayList<>();
        List<Delivery> seen = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<Delivery> stream = pending.get(random.nextInt(pending.size()));
            Delivery next = stream.remove(0);
            delivery.add(next);
            seen.add(next);
            if (random.nextInt(3) == 0) {
                delivery.add(seen.get(random.nextInt(seen.size())));
            }
            if (stream.isEmpty()) {
                pending.remove(stream);
            }
        }
        return delivery;
    }

    /**
     * An aggregate's id; every seventh is 24 hexadecimal digits, which Spring's query mapping turns into an ObjectId
     * {@code _id}: the batch, writing through the driver, must store the same.
     */
    private static String aggregate(int a) {
        return a % 7 == 5 ? "%024x".formatted(a) : "aggregate-" + a;
    }

    /**
     * Sets, unsets and set-on-inserts that make the order of application visible, with values of the kinds the
     * projection writes (an instant, which Spring stores as a date, and a list of documents) now and then.
     */
    private static Update update(Delivery delivery) {
        long s = delivery.sequence();
        Update update = new Update().set("field" + (s % 3), "value " + s).set("at" + s, s).set("last", s);
        if (s % 2 == 0) {
            update.set("when", Instant.ofEpochMilli(1_700_000_000_000L + s)).set("localities",
                    List.of(new Document("localityCode", "883").append("target", s), new Document("name", "Chợ Mới")));
        }
        if (s % 4 == 0) {
            update.unset("field" + ((s + 1) % 3));
        }
        if (s % 3 == 2) {
            update.setOnInsert("inserted" + s, s);
        }
        return update;
    }

    private static Update plain(Delivery delivery) {
        long s = delivery.sequence();
        Update update = new Update().set("field" + (s % 2), "value " + s);
        if (s % 5 == 0 && s % 2 == 1) {
            update.unset("field0");
        }
        if (s % 2 == 1) {
            update.setOnInsert("origin", "first " + s);
        }
        return update;
    }

    private List<Document> documents(String collection) {
        List<Document> documents = new ArrayList<>(mongo.findAll(Document.class, collection));
        documents.sort(Comparator.comparing(document -> String.valueOf(document.get("_id"))));
        mongo.dropCollection(collection);
        return documents;
    }
}
