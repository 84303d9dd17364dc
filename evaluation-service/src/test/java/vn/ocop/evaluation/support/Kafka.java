package vn.ocop.evaluation.support;

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

/** Plain Kafka clients: publish dossier events as dossier-service would, read what the service published. */
public final class Kafka {

    private Kafka() {
    }

    /** Sends an event with the chassis' CloudEvents headers, as the outbox relay of its producer would. */
    public static void publish(OcopEvent event, String subject, long sequence) {
        EventType type = EventType.of(event);
        OutboxEvent outbox = new OutboxEvent(UUID.randomUUID().toString(), type.topic(), type.source(), type.ceType(),
                subject, sequence, Instant.now(), new String(EventJson.write(event), java.nio.charset.StandardCharsets.UTF_8),
                null);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.get().kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.send(KafkaOutboxPublisher.toRecord(outbox)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of the evaluation topic so far whose key (aggregate id) is {@code subject}. */
    public static List<ConsumerRecord<String, byte[]>> evaluationEventsOf(String subject) {
        return vn.ocop.infra.testing.TopicRecords.withKey(Topics.EVALUATION_EVENTS, subject);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return vn.ocop.infra.testing.TopicRecords.header(record, name);
    }
}
