package vn.ocop.chassis.outbox;

import java.util.concurrent.CompletableFuture;

/** Where the relay sends events. The Kafka implementation is the only one in production; tests may wrap it. */
public interface OutboxPublisher {

    /** Completes when the broker has acknowledged the event (acks=all), exceptionally when it has not. */
    CompletableFuture<Void> publish(OutboxEvent event);
}
