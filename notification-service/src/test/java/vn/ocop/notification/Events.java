package vn.ocop.notification;

import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.ocop.chassis.outbox.KafkaOutboxPublisher;
import vn.ocop.chassis.outbox.OutboxEvent;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventSchemas;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.infra.testing.TestInfra;

/** Feeds events into the service the way producers do: CloudEvents records with per-aggregate sequences. */
public final class Events {

    private static final ConcurrentHashMap<String, AtomicLong> SEQUENCES = new ConcurrentHashMap<>();
    private static volatile KafkaProducer<String, byte[]> producer;

    private Events() {
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            synchronized (Events.class) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
                    producer = new KafkaProducer<>(props);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(java.time.Duration.ofSeconds(1))));
                }
            }
        }
        return producer;
    }

    /** The bodies of the events of a CloudEvents type published on a topic so far (read from the beginning). */
    public static List<String> published(String topic, String ceType) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<String> bodies = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(java.time.Duration.ofMillis(500))) {
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && ceType.equals(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                        EventSchemas.requireValid(EventType.fromCeType(ceType).orElseThrow(), record.value());
                        bodies.add(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return bodies;
    }

    /** Publishes the event as the aggregate's next one; returns its CloudEvents id. */
    public static String publish(String aggregateId, OcopEvent event) {
        EventType type = EventType.of(event);
        byte[] json = EventJson.write(event);
        EventSchemas.requireValid(type, json);
        long sequence = SEQUENCES.computeIfAbsent(aggregateId, id -> new AtomicLong()).incrementAndGet();
        String id = UUID.randomUUID().toString();
        var outboxEvent = new OutboxEvent(id, type.topic(), type.source(), type.ceType(), aggregateId, sequence,
                Instant.now(), new String(json, java.nio.charset.StandardCharsets.UTF_8), null);
        try {
            producer().send(KafkaOutboxPublisher.toRecord(outboxEvent)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }
}
