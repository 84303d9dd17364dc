package vn.ocop.chassis.deadletter;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import vn.ocop.chassis.messaging.CloudEventHeaders;

/**
 * Lists and replays the dead letters of one consumer group. Dead letters are never deleted: a replay publishes
 * a copy of the original record (same key, value and CloudEvents headers) to the topic it came from, where
 * the group's idempotent consumer processes it like any other delivery.
 */
public final class DeadLetterQueue {

    public static final String TOPIC_PREFIX = "ocop.dlq.";
    private static final int PREVIEW_LENGTH = 500;

    private final String bootstrapServers;
    private final String topic;

    public DeadLetterQueue(String bootstrapServers, String consumerGroup) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topicFor(consumerGroup);
    }

    public static String topicFor(String consumerGroup) {
        return TOPIC_PREFIX + consumerGroup;
    }

    public String topic() {
        return topic;
    }

    /** The most recent dead letters, newest last, at most {@code limit}. */
    public List<DeadLetter> list(int limit) {
        List<ConsumerRecord<byte[], byte[]>> records = readAll();
        List<DeadLetter> letters = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records.subList(Math.max(0, records.size() - limit), records.size())) {
            letters.add(describe(record));
        }
        return letters;
    }

    public Optional<DeadLetter> find(int partition, long offset) {
        return read(partition, offset).map(DeadLetterQueue::describe);
    }

    /** Publishes the dead letter again to its original topic; empty when there is no such dead letter. */
    public Optional<DeadLetter> replay(int partition, long offset) throws Exception {
        Optional<ConsumerRecord<byte[], byte[]>> found = read(partition, offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord<byte[], byte[]> record = found.get();
        DeadLetter letter = describe(record);
        if (letter.originalTopic() == null) {
            throw new IllegalStateException("dead letter " + partition + "/" + offset + " does not name its topic");
        }
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!isDeadLetterHeader(header.key())) {
                headers.add(header);
            }
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(new ProducerRecord<>(letter.originalTopic(), null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        }
        return Optional.of(letter);
    }

    private static boolean isDeadLetterHeader(String name) {
        return name.startsWith("kafka_dlt-") || name.startsWith("x-original-") || name.startsWith("x-exception-");
    }

    private Optional<ConsumerRecord<byte[], byte[]>> read(int partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            TopicPartition topicPartition = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(topicPartition));
            long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(topicPartition, offset);
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll() {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (org.apache.kafka.common.errors.TimeoutException noSuchTopicYet) {
            return records;
        }
        records.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        return records;
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
        String value = record.value() == null ? "" : new String(record.value(), UTF_8);
        return new DeadLetter(
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                header(record, "kafka_dlt-original-topic", "x-original-topic"),
                intHeader(record, "kafka_dlt-original-partition", "x-original-partition"),
                longHeader(record, "kafka_dlt-original-offset", "x-original-offset"),
                record.key() == null ? null : new String(record.key(), UTF_8),
                header(record, CloudEventHeaders.ID),
                header(record, CloudEventHeaders.TYPE),
                header(record, CloudEventHeaders.SUBJECT),
                header(record, "kafka_dlt-exception-message", "x-exception-message"),
                value.length() > PREVIEW_LENGTH ? value.substring(0, PREVIEW_LENGTH) + "…" : value);
    }

    private static String header(ConsumerRecord<?, ?> record, String... names) {
        for (String name : names) {
            Header header = record.headers().lastHeader(name);
            if (header != null && header.value() != null) {
                return new String(header.value(), UTF_8);
            }
        }
        return null;
    }

    /** Spring Kafka writes partitions and offsets as big-endian binary numbers, older binders as text. */
    private static Integer intHeader(ConsumerRecord<?, ?> record, String... names) {
        Long value = longHeader(record, names);
        return value == null ? null : value.intValue();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String... names) {
        for (String name : names) {
            Header header = record.headers().lastHeader(name);
            if (header == null || header.value() == null) {
                continue;
            }
            byte[] bytes = header.value();
            if (bytes.length == 4) {
                return (long) java.nio.ByteBuffer.wrap(bytes).getInt();
            }
            if (bytes.length == 8) {
                return java.nio.ByteBuffer.wrap(bytes).getLong();
            }
            try {
                return Long.parseLong(new String(bytes, UTF_8).trim());
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
        return null;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return properties;
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return properties;
    }
}
