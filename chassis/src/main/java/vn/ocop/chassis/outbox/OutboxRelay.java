package vn.ocop.chassis.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes the events waiting in {@link OutboxDocument}s and removes each one once Kafka acknowledged it.
 *
 * <p>Several replicas may run a relay against the same collections. A relay first takes a short lease on a
 * document, so normally one relay at a time publishes one aggregate's events. Even when a lease is lost (the
 * service rewrote the document, or the lease expired), ordering holds: every relay sends a document's pending
 * events one after another, in sequence order, each only after the previous one was acknowledged, so any
 * event on the topic is preceded by all earlier events of its aggregate. The worst case is a duplicate, which
 * idempotent consumers ignore by {@code ce_sequence}.
 *
 * <p>Finding the work: a service tells the relay which document it has just written with events
 * ({@link #pending}; every {@code save}/{@code insert} of an {@link OutboxDocument} does so through
 * {@link OutboxSaveListener}), and the relay claims those by {@code _id}. A search of whole collections runs only
 * every {@code full-scan-interval} (and at start): it finds what a crashed replica left behind or what was written
 * without telling the relay. Searching every collection after every write, as before, made each write cost a
 * pass over all documents of the service.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Documents remembered between passes; beyond that the relay searches the collections instead. */
    private static final int MAX_WRITTEN = 20_000;

    private final MongoOperations mongo;
    private final OutboxPublisher publisher;
    private final Supplier<List<String>> collections;
    private final OutboxRelayProperties properties;
    private final Clock clock;
    private final String owner = "relay-" + UUID.randomUUID();
    private final Semaphore wakeUps = new Semaphore(0);
    private final ConcurrentLinkedQueue<Written> written = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writtenCount = new AtomicInteger();
    private volatile boolean scanRequested = true;
    private long nextScanNanos;
    private final Timer publishLatency;
    private final Counter publishedEvents;
    private final Counter publishFailures;
    private final Map<String, AtomicLong> backlogByCollection = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private volatile boolean running;
    private volatile Thread worker;
    private Instant nextBacklogCount = Instant.EPOCH;
    private boolean failedInThisPass;

    public OutboxRelay(MongoOperations mongo, OutboxPublisher publisher, Supplier<List<String>> collections,
            OutboxRelayProperties properties, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = collections;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.publishLatency = Timer.builder("ocop.outbox.publish.latency")
                .description("Time from an event being recorded to its acknowledgement by Kafka")
                .publishPercentileHistogram().register(meters);
        this.publishedEvents = Counter.builder("ocop.outbox.published").register(meters);
        this.publishFailures = Counter.builder("ocop.outbox.publish.failures").register(meters);
    }

    /** The document {@code id} of {@code collection} has just been written with events to publish. */
    public void pending(String collection, Object id) {
        if (id == null || writtenCount.incrementAndGet() > MAX_WRITTEN) {
            // Too many to remember (the relay is far behind) or no id: a search of the collections finds them.
            if (id != null) {
                writtenCount.decrementAndGet();
            }
            scanRequested = true;
        } else {
            written.add(new Written(collection, id));
        }
        wakeUps.release();
    }

    /**
     * One pass over every outbox collection, searching each whole; returns how many events were published.
     *
     * @throws OutboxPublishException when some event could not be published (after the others were handled)
     */
    public int relayOnce() {
        return relayPass(true);
    }

    private int relayPass(boolean search) {
        failedInThisPass = false;
        Map<String, Set<Object>> told = drainWritten();
        int published = 0;
        Set<String> names = new LinkedHashSet<>(collections.get());
        names.addAll(told.keySet());
        for (String collection : names) {
            published += relayCollection(collection, told.getOrDefault(collection, Set.of()), search);
        }
        countBacklogNowAndThen();
        if (failedInThisPass) {
            throw new OutboxPublishException(published);
        }
        return published;
    }

    /** Some events stayed in the outbox because Kafka did not acknowledge them; the relay backs off. */
    public static final class OutboxPublishException extends RuntimeException {
        OutboxPublishException(int published) {
            super("Kafka did not acknowledge every event (" + published + " published in this pass)");
        }
    }

    private Map<String, Set<Object>> drainWritten() {
        Map<String, Set<Object>> byCollection = new LinkedHashMap<>();
        for (Written next = written.poll(); next != null; next = written.poll()) {
            writtenCount.decrementAndGet();
            byCollection.computeIfAbsent(next.collection(), name -> new LinkedHashSet<>()).add(next.id());
        }
        return byCollection;
    }

    private int relayCollection(String collection, Set<Object> told, boolean search) {
        List<Claim> claims = new ArrayList<>();
        Instant now = clock.instant();
        for (Object id : told) {
            claim(collection, id, now).ifPresent(claims::add);
        }
        if (search) {
            List<Claim> found = claimDocuments(collection, now);
            if (found.size() >= properties.batchSize()) {
                scanRequested = true; // there may be more: search again at once
            }
            claims.addAll(found);
        }
        if (claims.isEmpty()) {
            return 0;
        }
        publishInSequenceRounds(claims);
        int published = 0;
        for (Claim claim : claims) {
            published += claim.acknowledged.size();
            removeAcknowledged(collection, claim);
        }
        return published;
    }

    private List<Claim> claimDocuments(String collection, Instant now) {
        Query candidates = query(claimable(now)).limit(properties.batchSize());
        candidates.fields().include("_id");
        List<Claim> claims = new ArrayList<>();
        for (Document candidate : mongo.find(candidates, Document.class, collection)) {
            claim(collection, candidate.get("_id"), now).ifPresent(claims::add);
        }
        return claims;
    }

    /** Leases the document if it has pending events and no other relay holds it. */
    private Optional<Claim> claim(String collection, Object id, Instant now) {
        Update lease = new Update().set(OutboxDocument.LEASE_FIELD,
                new Document("owner", owner).append("until", Date.from(now.plus(properties.leaseDuration()))));
        Document claimed = mongo.findAndModify(query(new Criteria().andOperator(where("_id").is(id), claimable(now))),
                lease, FindAndModifyOptions.options().returnNew(true), Document.class, collection);
        return claimed == null ? Optional.empty() : Optional.of(new Claim(id, pendingEvents(claimed)));
    }

    private static Criteria claimable(Instant now) {
        return new Criteria().andOperator(
                where(OutboxDocument.OUTBOX_FIELD + ".0").exists(true),
                new Criteria().orOperator(
                        where(OutboxDocument.LEASE_FIELD).exists(false),
                        where(OutboxDocument.LEASE_FIELD).is(null),
                        where(OutboxDocument.LEASE_FIELD + ".until").lt(Date.from(now))));
    }

    /**
     * Sends the first pending event of every claimed document, waits for all acknowledgements, then the
     * second, and so on: documents are published in parallel, one aggregate's events strictly in order.
     */
    private void publishInSequenceRounds(List<Claim> claims) {
        for (int round = 0; ; round++) {
            List<Claim> sending = new ArrayList<>();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (Claim claim : claims) {
                if (!claim.failed && round < claim.events.size()) {
                    sending.add(claim);
                    acks.add(publisher.publish(claim.events.get(round)));
                }
            }
            if (sending.isEmpty()) {
                return;
            }
            for (int i = 0; i < sending.size(); i++) {
                Claim claim = sending.get(i);
                OutboxEvent event = claim.events.get(round);
                try {
                    acks.get(i).get(properties.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    claim.acknowledged.add(event.eventId());
                    publishedEvents.increment();
                    publishLatency.record(Duration.between(event.time(), clock.instant()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    claim.failed = true;
                } catch (Exception failure) {
                    claim.failed = true;
                    failedInThisPass = true;
                    publishFailures.increment();
                    log.warn("Could not publish event {} ({}) of {}: {}; it stays in the outbox", event.eventId(),
                            event.type(), event.subject(), failure.toString());
                }
            }
        }
    }

    private void removeAcknowledged(String collection, Claim claim) {
        Update update = new Update();
        if (!claim.acknowledged.isEmpty()) {
            update.pull(OutboxDocument.OUTBOX_FIELD, new Document("eventId", new Document("$in", claim.acknowledged)));
        }
        update.unset(OutboxDocument.LEASE_FIELD);
        var released = mongo.updateFirst(
                query(where("_id").is(claim.id).and(OutboxDocument.LEASE_FIELD + ".owner").is(owner)), update, collection);
        if (released.getMatchedCount() == 0 && !claim.acknowledged.isEmpty()) {
            // The lease is gone (the service rewrote the document meanwhile): still drop what was sent.
            mongo.updateFirst(query(where("_id").is(claim.id)), new Update().pull(OutboxDocument.OUTBOX_FIELD,
                    new Document("eventId", new Document("$in", claim.acknowledged))), collection);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<OutboxEvent> pendingEvents(Document document) {
        List<Document> entries = (List<Document>) document.get(OutboxDocument.OUTBOX_FIELD, List.class);
        List<OutboxEvent> events = new ArrayList<>();
        for (Document entry : entries) {
            Object time = entry.get("time");
            events.add(new OutboxEvent(
                    entry.getString("eventId"),
                    entry.getString("topic"),
                    entry.getString("source"),
                    entry.getString("type"),
                    entry.getString("subject"),
                    ((Number) entry.get("sequence")).longValue(),
                    time instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(time)),
                    entry.getString("payload"),
                    entry.getString("traceparent")));
        }
        events.sort(Comparator.comparingLong(OutboxEvent::sequence));
        return events;
    }

    private void countBacklogNowAndThen() {
        Instant now = clock.instant();
        if (now.isBefore(nextBacklogCount)) {
            return;
        }
        nextBacklogCount = now.plusSeconds(5);
        for (String collection : collections.get()) {
            long documents = mongo.count(query(where(OutboxDocument.OUTBOX_FIELD + ".0").exists(true)), collection);
            backlogByCollection.computeIfAbsent(collection, name -> {
                AtomicLong value = new AtomicLong();
                Gauge.builder("ocop.outbox.backlog", value, AtomicLong::get)
                        .description("Documents with events not yet published")
                        .tag("collection", name).register(meters);
                return value;
            }).set(documents);
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void loop() {
        while (running) {
            try {
                boolean search = scanRequested || System.nanoTime() - nextScanNanos >= 0;
                if (search) {
                    scanRequested = false;
                    nextScanNanos = System.nanoTime() + properties.fullScanInterval().toNanos();
                }
                int published = relayPass(search);
                if (published < properties.batchSize() && written.isEmpty() && !scanRequested) {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                log.warn("Outbox relay pass failed: {}", failure.toString());
                // What it was told about in that pass is forgotten: the next pass searches every collection.
                scanRequested = true;
                pause(properties.errorBackoff());
            }
        }
    }

    private void pause(Duration duration) {
        try {
            wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the Kafka producer and the Mongo client are closed.
        return Integer.MAX_VALUE - 100;
    }

    private record Written(String collection, Object id) {
    }

    private static final class Claim {
        final Object id;
        final List<OutboxEvent> events;
        final List<String> acknowledged = new ArrayList<>();
        boolean failed;

        Claim(Object id, List<OutboxEvent> events) {
            this.id = id;
            this.events = events;
        }
    }
}
