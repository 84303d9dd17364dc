package vn.ocop.dossier.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.ocop.chassis.outbox.KafkaOutboxPublisher;
import vn.ocop.chassis.outbox.OutboxEvent;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.OcopEvent;
import vn.ocop.contracts.Topics;
import vn.ocop.infra.testing.TestInfra;

/** Feeds evaluation events into the service as evaluation-service would, and reads what the service published. */
public final class Events {

    private Events() {
    }

    /** Sends an event with the CloudEvents headers the chassis relay uses. */
    public static void publish(OcopEvent event, String subject, long sequence) {
        EventType type = EventType.of(event);
        OutboxEvent outbox = new OutboxEvent(UUID.randomUUID().toString(), type.topic(), type.source(), type.ceType(),
                subject, sequence, Instant.now(), new String(EventJson.write(event), UTF_8), null);
        send(outbox);
    }

    public static void send(OutboxEvent event) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            producer.send(KafkaOutboxPublisher.toRecord(event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record on the dossier topic so far whose key is {@code dossierId}. */
    public static List<ConsumerRecord<String, byte[]>> dossierEventsOf(String dossierId) {
        return vn.ocop.infra.testing.TopicRecords.withKey(Topics.DOSSIER_EVENTS, dossierId);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return vn.ocop.infra.testing.TopicRecords.header(record, name);
    }
}
