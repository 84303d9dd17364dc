package vn.ocop.reporting.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.chassis.errors.ConflictException;
import vn.ocop.chassis.messaging.EventDispatcher;
import vn.ocop.chassis.messaging.PoisonMessageException;
import vn.ocop.contracts.Topics;

/**
 * Rebuilds the read models without downtime: replays the dossier and evaluation topics from offset 0 with a
 * consumer group of its own ({@code reporting-service-rebuild-<n>}) into the fresh collections of generation
 * n, while queries keep reading the active generation and the live consumers keep feeding it. Once the replay
 * has caught up, a switch lease in the pointer document makes the live consumers of every replica wait (records
 * keep arriving in Kafka, nothing is lost); the replay drains to the end offsets read after the lease was
 * taken, so it covers every record a live consumer handled or is handling, and the pointer moves to generation
 * n. The live consumers then feed generation n with what came after; what the replay applied already is
 * skipped by the sequence guard. No live event reaches generation n before the replay applied all older ones.
 */
@Service
public class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration SWITCH_LEASE = Duration.ofSeconds(30);
    static final String POLL_RECORDS_PROPERTY = "ocop.projections.rebuild.poll-records";
    private static final int DEFAULT_POLL_RECORDS = 500;
    private static final List<String> TOPICS = List.of(Topics.DOSSIER_EVENTS, Topics.EVALUATION_EVENTS);

    public enum State { RUNNING, SWITCHED, FAILED }

    public record Status(int generation, State state, long recordsReplayed, Instant startedAt, Instant finishedAt,
            String failure) {
    }

    private final Generations generations;
    private final ProjectionWriter writer;
    private final MongoOperations mongo;
    private final MeterRegistry meters;
    private final Environment environment;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Status> current = new AtomicReference<>();
    private final int pollRecords;
    private volatile boolean closing;

    public ProjectionRebuild(Generations generations, ProjectionWriter writer, MongoOperations mongo,
            MeterRegistry meters, Environment environment, Clock clock) {
        this.generations = generations;
        this.writer = writer;
        this.mongo = mongo;
        this.meters = meters;
        this.environment = environment;
        this.clock = clock;
        this.pollRecords = pollRecords(environment);
    }

    public synchronized Status start() {
        Status running = current.get();
        if (running != null && running.state() == State.RUNNING) {
            throw new ConflictException("projection.rebuild-running", running.generation());
        }
        int generation = generations.reserveNext();
        dropCollections(generation);
        Status status = new Status(generation, State.RUNNING, 0, clock.instant(), null, null);
        current.set(status);
        executor.submit(() -> run(generation));
        return status;
    }

    /** Drops the collections of a generation that is neither active nor being built (after a rebuild). */
    public synchronized void drop(int generation) {
        Status running = current.get();
        if (generation == generations.active()
                || (running != null && running.state() == State.RUNNING && running.generation() == generation)) {
            throw new ConflictException("projection.generation-in-use", generation);
        }
        dropCollections(generation);
    }

    private void dropCollections(int generation) {
        for (String kind : Generations.KINDS) {
            String collection = Generations.collection(kind, generation);
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
    }

    public Status status() {
        return current.get();
    }

    private void run(int generation) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(generation)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> truncated = consumer.beginningOffsets(partitions).entrySet().stream()
                    .filter(start -> start.getValue() > 0)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (!truncated.isEmpty()) {
                throw new IllegalStateException("the topics no longer hold their whole history (retention removed "
                        + "records before offsets " + truncated + "): a replay would lose events");
            }
            consumer.seekToBeginning(partitions);
            boolean switched = false;
            try (ProjectionBatch batch = new ProjectionBatch(mongo)) {
                EventDispatcher dispatcher = writer.dispatcher("reporting-service-rebuild", meters, () -> generation,
                        batch);
                drain(consumer, dispatcher, batch, partitions, generation);
                generations.beginSwitch(SWITCH_LEASE);
                try {
                    drain(consumer, dispatcher, batch, partitions, generation);
                    switched = generations.completeSwitch(generation);
                } finally {
                    if (!switched) {
                        generations.abortSwitch();
                    }
                }
            }
            if (!switched) {
                throw new IllegalStateException("the final drain outlasted the switch lease of " + SWITCH_LEASE);
            }
            consumer.commitSync();
            long replayed = current.get().recordsReplayed();
            current.set(new Status(generation, State.SWITCHED, replayed, current.get().startedAt(), clock.instant(),
                    null));
            long millis = Math.max(1, Duration.between(current.get().startedAt(), current.get().finishedAt()).toMillis());
            log.info("read models rebuilt into generation {} from {} records in {} ms ({} records/s); pointer switched",
                    generation, replayed, millis, replayed * 1000 / millis);
        } catch (RuntimeException e) {
            log.error("rebuild of generation {} failed; generation {} stays active", generation, generations.active(), e);
            Status failed = current.get();
            current.set(new Status(generation, State.FAILED, failed.recordsReplayed(), failed.startedAt(),
                    clock.instant(), e.getMessage()));
        }
    }

    /**
     * Applies records until every partition's position reaches the end offset read at the start of the call: the
     * records of each poll are dispatched into the batch, which writes them with bulk writes on its writer thread
     * while the next poll is decoded, and the call returns once all are written (a failing write fails the rebuild;
     * nothing is committed before the switch).
     */
    private void drain(KafkaConsumer<String, byte[]> consumer, EventDispatcher dispatcher, ProjectionBatch batch,
            List<TopicPartition> partitions, int generation) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long started = System.nanoTime();
        long polling = 0;
        long dispatching = 0;
        long writing = 0;
        long records = 0;
        while (!closing && !caughtUp(consumer, end)) {
            long applied = 0;
            long before = System.nanoTime();
            var polled = consumer.poll(Duration.ofMillis(200));
            long polledAt = System.nanoTime();
            polling += polledAt - before;
            for (ConsumerRecord<String, byte[]> record : polled) {
                try {
                    dispatcher.dispatch(headers(record), record.value());
                } catch (PoisonMessageException poison) {
                    log.warn("rebuild {} skips poison record {}-{}@{}: {}", generation, record.topic(),
                            record.partition(), record.offset(), poison.getMessage());
                }
                applied++;
            }
            long dispatchedAt = System.nanoTime();
            dispatching += dispatchedAt - polledAt;
            batch.flushInBackground();
            writing += System.nanoTime() - dispatchedAt;
            records += applied;
            Status status = current.get();
            current.set(new Status(generation, State.RUNNING, status.recordsReplayed() + applied, status.startedAt(),
                    null, null));
        }
        if (closing) {
            throw new IllegalStateException("shutting down");
        }
        long waitingFrom = System.nanoTime();
        batch.awaitWritten();
        writing += System.nanoTime() - waitingFrom;
        log.debug("rebuild {} drained {} records in {} ms: polling {} ms, decoding {} ms, waiting for writes {} ms",
                generation, records, (System.nanoTime() - started) / 1_000_000, polling / 1_000_000,
                dispatching / 1_000_000, writing / 1_000_000);
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    private static Map<String, Object> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value());
        }
        return headers;
    }

    private KafkaConsumer<String, byte[]> consumer(int generation) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG,
                environment.getProperty("spring.application.name", "reporting-service") + "-rebuild-" + generation);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(pollRecords));
        // a replay reads whole topics: large fetches
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        properties.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, String.valueOf(1024 * 1024));
        return new KafkaConsumer<>(properties);
    }

    /**
     * Records per poll, each poll written with one bulk write per collection. Up to three polls are alive at once
     * (one being decoded, two handed to the writer) and the events and updates of a poll outlive a young
     * collection: with 2,000 they overflowed the survivor space of the service's small heap into the old
     * generation, and garbage collection paused the rebuild for over a quarter of its time (docs/benchmarks.md).
     */
    private static int pollRecords(Environment environment) {
        Integer records = environment.getProperty(POLL_RECORDS_PROPERTY, Integer.class, DEFAULT_POLL_RECORDS);
        if (records < 1) {
            throw new IllegalStateException(POLL_RECORDS_PROPERTY + " must be at least 1, was " + records);
        }
        return records;
    }

    @Override
    public void destroy() {
        closing = true;
        executor.shutdownNow();
    }
}
