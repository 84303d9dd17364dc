package vn.ocop.notification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Picked up by component scanning in every test context (so they all stay one cached context): counts the
 * {@code insert} commands the service sends to MongoDB per collection, so that a test can see the writes a pass tries.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ocop.test.second-replica", havingValue = "false", matchIfMissing = true)
public class MongoInserts {

    private final Map<String, AtomicLong> inserts = new ConcurrentHashMap<>();

    @Bean
    MongoClientSettingsBuilderCustomizer countInserts() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if ("insert".equals(event.getCommandName())) {
                    inserts.computeIfAbsent(event.getCommand().getString("insert").getValue(), name -> new AtomicLong())
                            .incrementAndGet();
                }
            }
        });
    }

    /** Insert commands sent to {@code collection} since the context started. */
    public long into(String collection) {
        AtomicLong count = inserts.get(collection);
        return count == null ? 0 : count.get();
    }
}
