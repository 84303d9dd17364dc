package vn.ocop.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.infra.embedded.KafkaTestClients.consumer;
import static vn.ocop.infra.embedded.KafkaTestClients.pollValues;
import static vn.ocop.infra.embedded.KafkaTestClients.send;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.infra.testing.TestInfra.Mode;

@OcopInfraTest
class TestInfraTest {

    @Test
    void exportsTheSpringPropertiesAsSystemProperties(TestInfra infra) {
        System.out.printf("[test-infra timing] %s infrastructure started in %d ms%n", infra.mode(),
                infra.startupDuration().toMillis());
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infra.kafkaBootstrapServers());
        assertThat(System.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo(infra.kafkaBootstrapServers());
        assertThat(System.getProperty("spring.mongodb.uri")).isEqualTo(infra.mongoConnectionString()).startsWith("mongodb://");
        assertThat(System.getProperty("ocop.security.jwt.issuer")).isEqualTo(TestTokens.ISSUER);
        assertThat(System.getProperty("logging.level.kafka")).isEqualTo("WARN");
        String keyLocation = System.getProperty("ocop.security.jwt.public-key-location");
        assertThat(keyLocation).startsWith("file:");
        assertThat(Path.of(URI.create(keyLocation))).hasContent(TestTokens.publicKeyPem().strip());
        assertThat(TestInfra.get()).isSameAs(infra);
    }

    @Test
    void kafkaComesBackOnTheSamePortWithItsRecordsAndOffsets(TestInfra infra) {
        assumeThat(infra.supportsFaultInjection()).isTrue();
        String bootstrapServers = infra.kafkaBootstrapServers();
        send(bootstrapServers, "ocop.test.fault", 0, List.of("trước", "sự cố"));
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, "fault-group")) {
            consumer.subscribe(List.of("ocop.test.fault"));
            assertThat(pollValues(consumer, 2)).containsExactly("trước", "sự cố");
            consumer.commitSync();
        }

        infra.stopKafka();
        infra.startKafka();

        assertThat(infra.kafkaBootstrapServers()).isEqualTo(bootstrapServers);
        send(bootstrapServers, "ocop.test.fault", 0, List.of("sau sự cố"));
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, "fault-group")) {
            consumer.subscribe(List.of("ocop.test.fault"));
            assertThat(pollValues(consumer, 1)).containsExactly("sau sự cố");
        }
    }

    @Test
    void mongoComesBackOnTheSamePortWithItsData(TestInfra infra) {
        assumeThat(infra.supportsFaultInjection()).isTrue();
        try (MongoClient client = MongoClients.create(infra.mongoConnectionString())) {
            MongoCollection<Document> dossiers = client.getDatabase("test-infra").getCollection("dossiers");
            dossiers.insertOne(new Document("_id", "hs-1").append("title", "Mắm cá linh Châu Đốc"));

            infra.stopMongo();
            infra.startMongo();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(dossiers.find(new Document("_id", "hs-1")).first()).containsEntry("title", "Mắm cá linh Châu Đốc"));
        }
    }

    @Test
    void modeComesFromTheVariableAndAutoFallsBackToEmbeddedWithoutDocker() {
        assertThat(Mode.parse(null)).isEqualTo(Mode.EMBEDDED);
        assertThat(Mode.parse(" Containers ")).isEqualTo(Mode.CONTAINERS);
        assertThat(TestInfra.resolveMode(Mode.AUTO, () -> false)).isEqualTo(Mode.EMBEDDED);
        assertThat(TestInfra.resolveMode(Mode.AUTO, () -> true)).isEqualTo(Mode.CONTAINERS);
        assertThat(TestInfra.resolveMode(Mode.EMBEDDED, () -> true)).isEqualTo(Mode.EMBEDDED);
    }
}
