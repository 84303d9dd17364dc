package vn.ocop.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import vn.ocop.notification.units.UnitDirectory;

@SpringBootApplication
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    @Bean
    LockProvider lockProvider(MongoOperations mongo) {
        return new MongoLockProvider(mongo.getCollection("shedlock"));
    }

    @Bean
    UnitDirectory unitDirectory(
            @org.springframework.beans.factory.annotation.Value("${ocop.notification.units:/units/an-giang-2020.csv}") String units) {
        return UnitDirectory.fromClasspath(units);
    }
}
