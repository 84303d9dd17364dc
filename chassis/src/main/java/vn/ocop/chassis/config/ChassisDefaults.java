package vn.ocop.chassis.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Platform-wide defaults every service gets unless it says otherwise (lowest precedence): UUIDs stored in the
 * standard representation, health probes and Prometheus exposed, Vietnamese text in UTF-8 everywhere,
 * graceful shutdown.
 */
public final class ChassisDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.mongodb.representation.uuid", "standard");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("server.servlet.encoding.charset", "UTF-8");
        defaults.put("server.servlet.encoding.force-response", "true");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "10s");
        defaults.put("spring.jackson.default-property-inclusion", "non_null");
        defaults.put("spring.kafka.producer.properties.linger.ms", "0");
        // Every Kafka consumer binding: bounded retries with backoff, then the group's dead-letter topic.
        defaults.put("spring.cloud.stream.default.group", "${spring.application.name}");
        defaults.put("spring.cloud.stream.default.consumer.max-attempts", "3");
        defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "200");
        defaults.put("spring.cloud.stream.default.consumer.back-off-max-interval", "2000");
        defaults.put("spring.cloud.stream.default.consumer.back-off-multiplier", "2.0");
        defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");
        defaults.put("spring.cloud.stream.kafka.default.consumer.dlq-name", "ocop.dlq.${spring.application.name}");
        defaults.put("spring.cloud.stream.kafka.default.consumer.dlq-partitions", "1");
        defaults.put("spring.cloud.stream.kafka.default.consumer.start-offset", "earliest");
        // A member that stops polling holds up every binding of its group at the next rebalance (seen after a
        // broker restart: one stuck binding kept another from its partitions for the default 5 minutes). Handlers
        // take milliseconds; 50 records with their retries fit well inside 90 s, so a stuck member is evicted then.
        defaults.put("spring.cloud.stream.kafka.binder.consumer-properties.max.poll.interval.ms", "90000");
        defaults.put("spring.cloud.stream.kafka.binder.consumer-properties.max.poll.records", "50");
        defaults.put("spring.cloud.stream.kafka.binder.auto-add-partitions", "true");
        defaults.put("spring.cloud.stream.kafka.binder.min-partition-count", "3");
        environment.getPropertySources().addLast(new MapPropertySource("ocopChassisDefaults", defaults));
    }
}
