package vn.ocop.chassis.config;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.mongodb.MongoClientSettings;

/**
 * Short driver timeouts: when MongoDB is unreachable a request fails within about two seconds (and is
 * answered with 503 problem+json) instead of hanging for the driver's default 30 s.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
@ConditionalOnClass(MongoClientSettings.class)
public class ChassisMongoAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer ocopMongoTimeouts(Environment environment) {
        long serverSelection = environment.getProperty("ocop.mongo.server-selection-timeout-ms", Long.class, 1500L);
        long connect = environment.getProperty("ocop.mongo.connect-timeout-ms", Long.class, 1000L);
        long read = environment.getProperty("ocop.mongo.read-timeout-ms", Long.class, 10000L);
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) connect, TimeUnit.MILLISECONDS)
                        .readTimeout((int) read, TimeUnit.MILLISECONDS));
    }
}
