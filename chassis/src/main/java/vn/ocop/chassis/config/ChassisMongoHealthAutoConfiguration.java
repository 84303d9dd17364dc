package vn.ocop.chassis.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import com.mongodb.client.MongoClient;

import vn.ocop.chassis.health.MongoPingHealthIndicator;

/** Replaces Boot's MongoDB health indicator with one that also works on the embedded server. */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, MongoHealthContributorAutoConfiguration.class})
public class ChassisMongoHealthAutoConfiguration {

    @Bean(name = "mongoHealthContributor")
    @ConditionalOnBean(MongoClient.class)
    @ConditionalOnMissingBean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoClient client, Environment environment) {
        return new MongoPingHealthIndicator(client, environment.getProperty("spring.mongodb.database", "admin"));
    }
}
