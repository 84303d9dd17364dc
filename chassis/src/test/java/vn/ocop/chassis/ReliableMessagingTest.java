package vn.ocop.chassis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import vn.ocop.chassis.deadletter.DeadLetter;
import vn.ocop.chassis.deadletter.DeadLetterQueue;
import vn.ocop.chassis.outbox.KafkaOutboxPublisher;
import vn.ocop.chassis.outbox.OutboxEvent;
import vn.ocop.chassis.outbox.OutboxPublisher;
import vn.ocop.chassis.sample.AttemptCounter;
import vn.ocop.chassis.sample.SampleApplication;
import vn.ocop.chassis.sample.SampleDossier;
import vn.ocop.chassis.sample.SampleDossierRepository;
import vn.ocop.chassis.sample.WithdrawalProjection;
import vn.ocop.chassis.messaging.CloudEventHeaders;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.dossier.DossierWithdrawn;
import vn.ocop.infra.testing.TestInfra;

/**
 * The chassis' reliability promises, proved on a real Kafka broker and a real MongoDB-wire server with a
 * sample service (an aggregate with an outbox, a read model fed through the Kafka binder).
 */
class ReliableMessagingTest {

    private static final String TOPIC = Topics.DOSSIER_EVENTS;
    private static final String DLQ = DeadLetterQueue.topicFor("chassis-sample");
    private static final String VIETNAMESE_REASON = "Chủ thể xin rút hồ sơ: lạp xưởng bò Tân Châu cần bổ sung phiếu kiểm nghiệm";

    private static TestInfra infra;
    private static MongoClient mongo;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startInfrastructureAndService() {
        infra = TestInfra.get();
        mongo = MongoClients.create(infra.mongoConnectionString());
        service = start(Map.of());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        mongo.close();
    }

    @Test
    void eventWrittenButNeverPublishedBeforeACrashIsPublishedAfterRestartAndAppliedExactlyOnce() {
        String id = "crash-" + UUID.randomUUID();
        service.close();

        // 1. The service saves the state change with its event, then dies before any relay ran.
        try (ConfigurableApplicationContext crashed = start(Map.of("ocop.outbox.relay.enabled", "false",
                "spring.cloud.stream.bindings.sampleEvents-in-0.consumer.auto-startup", "false"))) {
            SampleDossier dossier = SampleDossier.create(id, "AG-TCH");
            dossier.withdraw(VIETNAMESE_REASON, Instant.now());
            crashed.getBean(SampleDossierRepository.class).save(dossier);
        }
        assertThat(pendingOutbox(id)).hasSize(1);

        // 2. A relay publishes it but dies before it can record that it did: the acknowledgement is lost.
        KafkaOutboxPublisher kafka = realPublisher();
        OutboxPublisher acknowledgementLost = event -> kafka.publish(event)
                .thenCompose(sent -> CompletableFuture.<Void>failedFuture(new IllegalStateException("relay crashed")));
        try (ConfigurableApplicationContext dying = start(Map.of(
                "spring.cloud.stream.bindings.sampleEvents-in-0.consumer.auto-startup", "false"),
                acknowledgementLost)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(id).size() == 1);
        } finally {
            kafka.close();
        }
        assertThat(pendingOutbox(id)).as("unacknowledged event stays in the outbox").hasSize(1);

        // 3. After a normal restart the event is sent again; the read model applies it once.
        service = start(Map.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(pendingOutbox(id)).isEmpty();
            assertThat(view(id)).isNotNull();
            assertThat(view(id).getInteger("applied")).isEqualTo(1);
        });
        List<ConsumerRecord<String, byte[]>> copies = recordsOf(id);
        assertThat(copies).as("sent by the dying relay, then again after the restart").hasSizeGreaterThanOrEqualTo(2);
        assertThat(copies).extracting(record -> header(record, CloudEventHeaders.ID)).containsOnly(
                header(copies.get(0), CloudEventHeaders.ID));
        assertThat(view(id).getString("reason")).isEqualTo(VIETNAMESE_REASON);
    }

    @Test
    void aSavedEventIsPublishedAtOnceByItsIdWithoutWaitingForASearchOfTheCollections() {
        String id = "told-" + UUID.randomUUID();
        service.close();
        try (ConfigurableApplicationContext relayThatRarelySearches = start(Map.of(
                "ocop.outbox.relay.poll-interval", "1h", "ocop.outbox.relay.full-scan-interval", "1h",
                "spring.cloud.stream.bindings.sampleEvents-in-0.consumer.auto-startup", "false"))) {
            SampleDossierRepository dossiers = relayThatRarelySearches.getBean(SampleDossierRepository.class);
            SampleDossier dossier = SampleDossier.create(id, "AG-PT");
            dossier.withdraw(VIETNAMESE_REASON, Instant.now());
            dossiers.save(dossier);
            await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(id).size() == 1);

            // The relay's search at start is over and the next one is an hour away: only being told can publish this.
            SampleDossier again = dossiers.findById(id).orElseThrow();
            again.withdraw("lần hai", Instant.now());
            dossiers.save(again);
            await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(id).size() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingOutbox(id).isEmpty());
        } finally {
            service = start(Map.of());
        }
    }

    @Test
    void anEventWrittenWithoutTellingTheRelayIsFoundByItsPeriodicSearch() {
        String id = "untold-" + UUID.randomUUID();
        // Another replica without a relay writes the event: nobody tells the running service's relay.
        try (ConfigurableApplicationContext replicaWithoutRelay = start(Map.of("ocop.outbox.relay.enabled", "false",
                "spring.cloud.stream.bindings.sampleEvents-in-0.consumer.auto-startup", "false"))) {
            SampleDossier dossier = SampleDossier.create(id, "AG-TS");
            dossier.withdraw(VIETNAMESE_REASON, Instant.now());
            replicaWithoutRelay.getBean(SampleDossierRepository.class).save(dossier);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(recordsOf(id)).hasSize(1);
            assertThat(pendingOutbox(id)).isEmpty();
            assertThat(view(id)).isNotNull();
        });
    }

    @Test
    void theSameEventDeliveredThreeTimesChangesTheReadModelOnce() throws Exception {
        String id = "dup-" + UUID.randomUUID();
        OutboxEvent event = outboxEvent(id, 1, new DossierWithdrawn(id, "AG-LX", VIETNAMESE_REASON, Instant.now(), "u1"));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int delivery = 0; delivery < 3; delivery++) {
                producer.send(KafkaOutboxPublisher.toRecord(event)).get(10, TimeUnit.SECONDS);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> AttemptCounter.attempts(id) == 3);
        assertThat(view(id).getInteger("applied")).isEqualTo(1);
        assertThat(view(id).getList("sequences", Long.class)).containsExactly(1L);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAfterRetriesWhileLaterMessagesFlowAndCanBeReplayedAfterAFix()
            throws Exception {
        String badJson = "poison-json-" + UUID.randomUUID();
        String badSchema = "poison-schema-" + UUID.randomUUID();
        String bug = "bug-" + UUID.randomUUID();
        String good = "good-" + UUID.randomUUID();
        WithdrawalProjection projection = service.getBean(WithdrawalProjection.class);
        projection.failFor(bug);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, withBody(outboxEvent(badJson, 1, withdrawn(badJson)), "{\"dossierId\": \"" + badJson + "\", "));
            send(producer, withBody(outboxEvent(badSchema, 1, withdrawn(badSchema)),
                    "{\"localityCode\":\"AG-LX\",\"withdrawnAt\":\"not a date\"}"));
            send(producer, outboxEvent(bug, 1, withdrawn(bug)));
            send(producer, outboxEvent(good, 1, withdrawn(good)));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(view(good)).isNotNull());
        DeadLetterQueue deadLetters = service.getBean(DeadLetterQueue.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters.list(1000))
                .extracting(DeadLetter::subject).contains(badJson, badSchema, bug));
        assertThat(AttemptCounter.attempts(bug)).as("delivered once plus two retries").isEqualTo(3);
        assertThat(view(bug)).isNull();
        DeadLetter bugLetter = deadLetters.list(1000).stream().filter(l -> bug.equals(l.subject())).findFirst().orElseThrow();
        assertThat(bugLetter.originalTopic()).isEqualTo(TOPIC);
        assertThat(bugLetter.exception()).contains("projection bug");
        assertThat(bugLetter.eventType()).isEqualTo("vn.ocop.dossier.withdrawn.v1");
        DeadLetter schemaLetter = deadLetters.list(1000).stream().filter(l -> badSchema.equals(l.subject()))
                .findFirst().orElseThrow();
        assertThat(schemaLetter.exception()).contains("fails its schema");

        projection.fixed();
        assertThat(deadLetters.replay(bugLetter.partition(), bugLetter.offset())).isPresent();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(view(bug)).isNotNull());
        assertThat(view(bug).getInteger("applied")).isEqualTo(1);
        assertThat(deadLetters.replay(0, Long.MAX_VALUE - 1)).isEmpty();
    }

    @Test
    void perAggregateOrderHoldsEndToEndWithTwoRelayReplicas() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add("order-" + i + "-" + UUID.randomUUID());
        }
        int eventsPerDossier = 12;
        try (ConfigurableApplicationContext secondReplica = start(Map.of(
                "spring.cloud.stream.bindings.sampleEvents-in-0.consumer.auto-startup", "false"))) {
            List<SampleDossierRepository> replicas = List.of(service.getBean(SampleDossierRepository.class),
                    secondReplica.getBean(SampleDossierRepository.class));
            for (String id : ids) {
                replicas.get(0).save(SampleDossier.create(id, "AG-CD"));
            }
            for (int round = 0; round < eventsPerDossier; round++) {
                for (int i = 0; i < ids.size(); i++) {
                    SampleDossierRepository repository = replicas.get((round + i) % 2);
                    SampleDossier dossier = repository.findById(ids.get(i)).orElseThrow();
                    dossier.withdraw("lần " + round, Instant.now());
                    repository.save(dossier);
                }
            }
            List<Long> expected = new ArrayList<>();
            for (long sequence = 1; sequence <= eventsPerDossier; sequence++) {
                expected.add(sequence);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String id : ids) {
                    assertThat(view(id)).isNotNull();
                    assertThat(view(id).getList("sequences", Long.class)).containsExactlyElementsOf(expected);
                }
            });
        }
        for (String id : ids) {
            long highest = 0;
            for (ConsumerRecord<String, byte[]> record : recordsOf(id)) {
                long sequence = CloudEventHeaders.parseSequence(header(record, CloudEventHeaders.SEQUENCE));
                assertThat(sequence).as("no event overtakes an earlier one of " + id).isLessThanOrEqualTo(highest + 1);
                highest = Math.max(highest, sequence);
            }
            assertThat(highest).isEqualTo(eventsPerDossier);
        }
    }

    @Test
    void cloudEventsHeadersAreReadBackByTheOfficialSdk() {
        String id = "ce-" + UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SampleDossier dossier = SampleDossier.create(id, "AG-TT");
        dossier.withdraw(VIETNAMESE_REASON, at);
        service.getBean(SampleDossierRepository.class).save(dossier);

        Properties properties = consumerProperties();
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (id.equals(record.key())) {
                        events.add(record.value());
                    }
                });
                return !events.isEmpty();
            });
        }
        CloudEvent event = events.get(0);
        assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(event.getType()).isEqualTo("vn.ocop.dossier.withdrawn.v1");
        assertThat(event.getSource().toString()).isEqualTo("/dossier-service");
        assertThat(event.getSubject()).isEqualTo(id);
        assertThat(event.getId()).hasSize(36);
        assertThat(event.getTime().toInstant()).isEqualTo(at);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtension("sequence")).isEqualTo("0000000000000000001");
        assertThat(String.valueOf(event.getExtension("traceparent"))).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        DossierWithdrawn body = EventJson.read(event.getData().toBytes(), DossierWithdrawn.class);
        assertThat(body.reason()).isEqualTo(VIETNAMESE_REASON);
        assertThat(body.dossierId()).isEqualTo(id);
    }

    private static ConfigurableApplicationContext start(Map<String, String> overrides) {
        return start(overrides, null);
    }

    private static ConfigurableApplicationContext start(Map<String, String> overrides, OutboxPublisher publisher) {
        Map<String, Object> properties = new HashMap<>(infra.springProperties());
        properties.put("spring.main.web-application-type", "none");
        properties.putAll(overrides);
        SpringApplicationBuilder builder = new SpringApplicationBuilder(SampleApplication.class).properties(properties);
        if (publisher != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("testPublisher", publisher));
        }
        return builder.run();
    }

    private static KafkaOutboxPublisher realPublisher() {
        return new KafkaOutboxPublisher(producer());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    private static void send(KafkaProducer<String, byte[]> producer, OutboxEvent event) throws Exception {
        producer.send(KafkaOutboxPublisher.toRecord(event)).get(10, TimeUnit.SECONDS);
    }

    private static DossierWithdrawn withdrawn(String id) {
        return new DossierWithdrawn(id, "AG-LX", VIETNAMESE_REASON, Instant.now(), "officer");
    }

    private static OutboxEvent outboxEvent(String subject, long sequence, DossierWithdrawn body) {
        return new OutboxEvent(UUID.randomUUID().toString(), TOPIC, "/dossier-service", "vn.ocop.dossier.withdrawn.v1",
                subject, sequence, Instant.now(), new String(EventJson.write(body), UTF_8),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    private static OutboxEvent withBody(OutboxEvent event, String payload) {
        return new OutboxEvent(event.eventId(), event.topic(), event.source(), event.type(), event.subject(),
                event.sequence(), event.time(), payload, event.traceparent());
    }

    private static Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }

    /** Every record of the dossier topic whose key is this aggregate, in partition order. */
    private static List<ConsumerRecord<String, byte[]>> recordsOf(String aggregateId) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(consumer.endOffsets(partitions));
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline) && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    if (aggregateId.equals(record.key())) {
                        records.add(record);
                    }
                });
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    private static List<?> pendingOutbox(String id) {
        Document document = collection("sample_dossiers").find(new Document("_id", id)).first();
        assertThat(document).isNotNull();
        return document.getList("outbox", Object.class);
    }

    private static Document view(String id) {
        return collection(WithdrawalProjection.COLLECTION).find(new Document("_id", id)).first();
    }

    private static MongoCollection<Document> collection(String name) {
        return mongo.getDatabase("chassis-sample").getCollection(name);
    }
}
