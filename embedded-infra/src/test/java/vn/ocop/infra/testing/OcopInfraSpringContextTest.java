package vn.ocop.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import vn.ocop.infra.embedded.KafkaTestClients;

// @SpringBootTest deliberately comes first: the context customizer supplies the properties in either order.
@SpringBootTest(classes = OcopInfraSpringContextTest.MessagingConfiguration.class,
        properties = "spring.mongodb.uri=mongodb://declared-by-the-test:27017")
@OcopInfraTest
class OcopInfraSpringContextTest {

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    KafkaProducer<String, String> producer;

    @Test
    void contextSeesTheInfrastructureBelowTheTestsOwnProperties() {
        TestInfra infra = TestInfra.get();
        assertThat(environment.getPropertySources().contains("ocopTestInfra")).isTrue();
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infra.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo(infra.kafkaBootstrapServers());
        assertThat(environment.getProperty("ocop.security.jwt.issuer")).isEqualTo(TestTokens.ISSUER);
        assertThat(environment.getProperty("ocop.security.jwt.public-key-location")).startsWith("file:");
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://declared-by-the-test:27017");
        assertThat(environment.getPropertySources().get("ocopTestInfra").getProperty("spring.mongodb.uri"))
                .isEqualTo(infra.mongoConnectionString());
    }

    @Test
    void aProducerBeanOfTheContextReachesTheBroker() throws Exception {
        RecordMetadata metadata = producer.send(new ProducerRecord<>("ocop.test.spring", "k", "v")).get(30, TimeUnit.SECONDS);
        assertThat(metadata.offset()).isNotNegative();
    }

    @Configuration(proxyBeanMethods = false)
    static class MessagingConfiguration {

        // Left open at the end of the run on purpose: the context closes it at JVM exit, before the broker stops.
        @Bean(destroyMethod = "close")
        KafkaProducer<String, String> producer(@Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
            return KafkaTestClients.producer(bootstrapServers);
        }
    }
}
