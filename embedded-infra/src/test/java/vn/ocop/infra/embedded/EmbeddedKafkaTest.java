package vn.ocop.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ocop.infra.embedded.KafkaTestClients.admin;
import static vn.ocop.infra.embedded.KafkaTestClients.consumer;
import static vn.ocop.infra.embedded.KafkaTestClients.pollValues;
import static vn.ocop.infra.embedded.KafkaTestClients.send;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final String TOPIC = "ocop.test.persistent";
    private static final TopicPartition PARTITION_0 = new TopicPartition(TOPIC, 0);

    @TempDir
    Path dataDirectory;

    @Test
    void persistentBrokerKeepsTopicsRecordsAndCommittedOffsetsAcrossRestarts() throws Exception {
        List<String> sent = IntStream.range(0, 10).mapToObj(i -> "hồ sơ " + i).toList();
        EmbeddedKafka first = EmbeddedKafka.persistent(dataDirectory, 0).start();
        int port = first.port();
        String clusterId = first.clusterId();
        report("persistent, first start (formats storage)", first);
        try {
            send(first.bootstrapServers(), TOPIC, 0, sent);
            try (KafkaConsumer<String, String> consumer = consumer(first.bootstrapServers(), "ocop-test-group")) {
                consumer.subscribe(List.of(TOPIC));
                assertThat(pollValues(consumer, 10)).containsExactlyElementsOf(sent);
                consumer.commitSync(Map.of(PARTITION_0, new OffsetAndMetadata(6)));
            }
            try (Admin admin = admin(first.bootstrapServers())) {
                assertThat(admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions())
                        .as("auto-created with the documented default partition count")
                        .hasSize(EmbeddedKafka.DEFAULT_TOPIC_PARTITIONS);
            }

            first.stop();
            report("persistent, stop", first);
            first.start();
            report("persistent, restart of the same instance", first);
            assertThat(first.port()).isEqualTo(port);
            assertCommittedOffset(first.bootstrapServers(), 6);
        } finally {
            first.stop();
        }

        // A new instance on the same directory stands for the next run of the JVM.
        EmbeddedKafka second = EmbeddedKafka.persistent(dataDirectory, port).start();
        report("persistent, new instance on the formatted directory", second);
        try {
            assertThat(second.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertCommittedOffset(second.bootstrapServers(), 6);
            try (KafkaConsumer<String, String> resumed = consumer(second.bootstrapServers(), "ocop-test-group")) {
                resumed.subscribe(List.of(TOPIC));
                assertThat(pollValues(resumed, 4)).containsExactlyElementsOf(sent.subList(6, 10));
            }
            try (KafkaConsumer<String, String> fresh = consumer(second.bootstrapServers(), "another-group")) {
                fresh.subscribe(List.of(TOPIC));
                assertThat(pollValues(fresh, 10)).containsExactlyElementsOf(sent);
            }
        } finally {
            second.stop();
        }
        report("persistent, stop of the new instance", second);
        assertThat(second.lastStopDuration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void ephemeralBrokerWorksAndDeletesItsDirectoryOnStop() {
        EmbeddedKafka kafka = EmbeddedKafka.ephemeral().start();
        report("ephemeral, start", kafka);
        Path directory = kafka.dataDirectory();
        try {
            assertThat(directory).isDirectory();
            assertThat(kafka.isPersistent()).isFalse();
            send(kafka.bootstrapServers(), "ocop.test.ephemeral", 1, List.of("một", "hai"));
            try (KafkaConsumer<String, String> consumer = consumer(kafka.bootstrapServers(), "ephemeral-group")) {
                consumer.subscribe(List.of("ocop.test.ephemeral"));
                assertThat(pollValues(consumer, 2)).containsExactly("một", "hai");
            }
        } finally {
            kafka.stop();
        }
        report("ephemeral, stop", kafka);
        assertThat(kafka.isRunning()).isFalse();
        assertThat(Files.exists(directory)).isFalse();
    }

    private static void assertCommittedOffset(String bootstrapServers, long expected) throws Exception {
        try (Admin admin = admin(bootstrapServers)) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets("ocop-test-group").partitionsToOffsetAndMetadata().get();
            assertThat(offsets.get(PARTITION_0).offset()).isEqualTo(expected);
        }
    }

    private static void report(String what, EmbeddedKafka kafka) {
        long millis = (kafka.isRunning() ? kafka.lastStartDuration() : kafka.lastStopDuration()).toMillis();
        System.out.printf("[embedded-kafka timing] %s: %d ms%n", what, millis);
    }
}
