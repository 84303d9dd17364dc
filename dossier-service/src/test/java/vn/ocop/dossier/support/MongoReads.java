package vn.ocop.dossier.support;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Picked up by component scanning in every test context (so they all stay one cached context): remembers every
 * {@code find} the service sends to MongoDB, so that a test can count the reads one request costs.
 */
@Configuration(proxyBeanMethods = false)
public class MongoReads {

    private final Queue<Read> reads = new ConcurrentLinkedQueue<>();

    public record Read(String collection, BsonValue id) {
    }

    @Bean
    MongoClientSettingsBuilderCustomizer recordFinds() {
        return settings -> settings.addCommandListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if ("find".equals(event.getCommandName())) {
                    BsonDocument command = event.getCommand();
                    BsonDocument filter = command.getDocument("filter", new BsonDocument());
                    reads.add(new Read(command.getString("find").getValue(), filter.get("_id")));
                }
            }
        });
    }

    /** How many reads of this document by its {@code _id} were sent since the context started. */
    public long byId(String collection, String id) {
        return reads.stream().filter(read -> read.collection().equals(collection) && read.id() != null
                && read.id().isString() && read.id().asString().getValue().equals(id)).count();
    }
}
