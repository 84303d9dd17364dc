package vn.ocop.chassis.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import vn.ocop.chassis.messaging.CloudEventHeaders;

/** Publishes outbox events as CloudEvents in binary mode, keyed by aggregate id for per-aggregate ordering. */
public final class KafkaOutboxPublisher implements OutboxPublisher, AutoCloseable {

    private final Producer<String, byte[]> producer;

    public KafkaOutboxPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public CompletableFuture<Void> publish(OutboxEvent event) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(toRecord(event), (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException failure) {
            acknowledged.completeExceptionally(failure);
        }
        return acknowledged;
    }

    public static ProducerRecord<String, byte[]> toRecord(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0.getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, event.eventId().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, event.source().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, event.type().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, event.subject().getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, event.time().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SEQUENCE, CloudEventHeaders.formatSequence(event.sequence()).getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON.getBytes(UTF_8));
        if (event.traceparent() != null) {
            headers.add(CloudEventHeaders.TRACEPARENT, event.traceparent().getBytes(UTF_8));
            headers.add(CloudEventHeaders.CE_TRACEPARENT, event.traceparent().getBytes(UTF_8));
        }
        return new ProducerRecord<>(event.topic(), null, event.time().toEpochMilli(), event.subject(),
                event.payload().getBytes(UTF_8), headers);
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
