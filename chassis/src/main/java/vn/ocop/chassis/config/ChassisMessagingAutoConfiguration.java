package vn.ocop.chassis.config;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import io.micrometer.core.instrument.MeterRegistry;
import vn.ocop.chassis.deadletter.DeadLetterController;
import vn.ocop.chassis.time.PlatformClock;
import vn.ocop.chassis.time.PlatformClockController;
import vn.ocop.chassis.health.KafkaHealthIndicator;
import vn.ocop.chassis.deadletter.DeadLetterQueue;
import vn.ocop.chassis.messaging.IdempotentProjection;
import vn.ocop.chassis.outbox.KafkaOutboxPublisher;
import vn.ocop.chassis.outbox.OutboxDocument;
import vn.ocop.chassis.outbox.OutboxPublisher;
import vn.ocop.chassis.outbox.OutboxRelay;
import vn.ocop.chassis.outbox.OutboxRelayProperties;
import vn.ocop.chassis.outbox.OutboxSaveListener;

/** The outbox relay, idempotent projections and dead-letter operations of a Kafka- and Mongo-backed service. */
@AutoConfiguration(after = DataMongoAutoConfiguration.class)
@ConditionalOnClass({KafkaProducer.class, MongoOperations.class})
@EnableConfigurationProperties(OutboxRelayProperties.class)
public class ChassisMessagingAutoConfiguration {

    static String bootstrapServers(Environment environment) {
        return environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092");
    }

    @Bean
    @ConditionalOnBean(MongoOperations.class)
    @ConditionalOnMissingBean
    IdempotentProjection idempotentProjection(MongoOperations mongo) {
        return new IdempotentProjection(mongo);
    }

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(Environment environment) {
        return new KafkaHealthIndicator(bootstrapServers(environment), java.time.Duration.ofSeconds(3));
    }

    /** The business clock: real time, or shifted by {@code ocop.clock.start} (e.g. to replay the 2020 programme). */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    PlatformClock clock(Environment environment) {
        String start = environment.getProperty("ocop.clock.start", "");
        if (start.isBlank()) {
            return PlatformClock.system();
        }
        try {
            return new PlatformClock(Clock.systemUTC(), java.time.OffsetDateTime.parse(start.strip()).toInstant());
        } catch (java.time.DateTimeException e) {
            throw new IllegalStateException("ocop.clock.start must be an ISO-8601 date-time with an offset, e.g. "
                    + "2020-06-08T08:00:00+07:00, not '" + start + "'", e);
        }
    }

    @Bean
    @ConditionalOnBean(PlatformClock.class)
    @ConditionalOnProperty(name = "ocop.clock.adjustable", havingValue = "true")
    @ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestController")
    PlatformClockController platformClockController(PlatformClock clock) {
        return new PlatformClockController(clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MongoOperations.class)
    @ConditionalOnProperty(name = "ocop.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    static class Relay {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(OutboxPublisher.class)
        KafkaOutboxPublisher kafkaOutboxPublisher(Environment environment) {
            Properties producer = new Properties();
            producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(environment));
            producer.put(ProducerConfig.ACKS_CONFIG, "all");
            producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            producer.put(ProducerConfig.LINGER_MS_CONFIG, environment.getProperty("ocop.outbox.producer.linger-ms", "1"));
            producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
            producer.put(ProducerConfig.CLIENT_ID_CONFIG,
                    environment.getProperty("spring.application.name", "ocop") + "-outbox-relay");
            producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            return new KafkaOutboxPublisher(new KafkaProducer<>(producer));
        }

        @Bean
        OutboxRelay outboxRelay(MongoOperations mongo, OutboxPublisher publisher, MongoMappingContext mappingContext,
                OutboxRelayProperties properties, Clock clock, ObjectProvider<MeterRegistry> meters,
                Environment environment) {
            List<String> extra = List.of(environment.getProperty("ocop.outbox.collections", String[].class, new String[0]));
            return new OutboxRelay(mongo, publisher, () -> outboxCollections(mappingContext, extra), properties, clock,
                    meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
        }

        @Bean
        OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
            return new OutboxSaveListener(relay);
        }

        /** Every mapped document type that extends {@link OutboxDocument}, plus collections named in configuration. */
        private static List<String> outboxCollections(MongoMappingContext mappingContext, List<String> extra) {
            Set<String> names = new LinkedHashSet<>(extra);
            mappingContext.getPersistentEntities().forEach(entity -> {
                if (OutboxDocument.class.isAssignableFrom(entity.getType()) && entity.isAnnotationPresent(
                        org.springframework.data.mongodb.core.mapping.Document.class)) {
                    names.add(entity.getCollection());
                }
            });
            return new ArrayList<>(names);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "spring.application.name")
    @ConditionalOnClass(name = "org.springframework.cloud.stream.function.StreamBridge")
    static class DeadLetters {

        @Bean
        @ConditionalOnMissingBean
        DeadLetterQueue deadLetterQueue(Environment environment) {
            return new DeadLetterQueue(bootstrapServers(environment), environment.getProperty("spring.application.name"));
        }

        @Bean
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        DeadLetterController deadLetterController(DeadLetterQueue queue) {
            return new DeadLetterController(queue);
        }
    }
}
