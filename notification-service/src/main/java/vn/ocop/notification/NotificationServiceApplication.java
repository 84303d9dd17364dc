package vn.ocop.notification;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import vn.ocop.notification.units.UnitDirectory;

@SpringBootApplication
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    /** Jakarta Mail's lookup key for its stream provider, and the provider of the implementation we ship (Angus). */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    public static void main(String[] args) {
        // Jakarta Mail 2.1 looks its stream provider up again for every MIME part, encoded header and message written,
        // through a ServiceLoader that reads every jar of the service (jakartaee/mail-api#699 and #861): 15 % of this
        // service's CPU in a 20,000-reminder fan-out (JFR, docs/benchmarks.md). Named, it is loaded by class name.
        System.setProperty(STREAM_PROVIDER, System.getProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER));
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    /**
     * Locks in MongoDB, each extended by half its {@code lockAtMostFor} while its task runs: a pass longer than the
     * lock keeps it (another replica's scheduled pass would otherwise start beside it), and a replica that dies
     * mid-pass holds it for at most {@code lockAtMostFor}.
     */
    @Bean(destroyMethod = "close")
    KeepAliveLocks lockProvider(MongoOperations mongo) {
        // not a ScheduledExecutorService bean: Boot would take it for @Scheduled instead of its own scheduler
        return new KeepAliveLocks(new MongoLockProvider(mongo.getCollection("shedlock")),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("lock-keep-alive").daemon()
                        .factory()));
    }

    static final class KeepAliveLocks extends KeepAliveLockProvider implements AutoCloseable {

        private final ScheduledExecutorService extensions;

        KeepAliveLocks(ExtensibleLockProvider locks, ScheduledExecutorService extensions) {
            super(locks, extensions);
            this.extensions = extensions;
        }

        @Override
        public void close() {
            extensions.shutdownNow();
        }
    }

    @Bean
    UnitDirectory unitDirectory(
            @org.springframework.beans.factory.annotation.Value("${ocop.notification.units:/units/an-giang-2020.csv}") String units) {
        return UnitDirectory.fromClasspath(units);
    }
}
