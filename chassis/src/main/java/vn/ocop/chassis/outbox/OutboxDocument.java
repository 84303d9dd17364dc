package vn.ocop.chassis.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.ocop.chassis.tracing.TraceContext;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventSchemas;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.OcopEvent;

/**
 * Base class of a persistence document that carries its own outbox: the aggregate's state and the events
 * its last change raised are saved in one document write (no multi-document transaction needed). The
 * {@link OutboxRelay} publishes pending events in sequence order and pulls them once Kafka acknowledged them.
 */
public abstract class OutboxDocument {

    public static final String OUTBOX_FIELD = "outbox";
    public static final String SEQUENCE_FIELD = "eventSequence";
    public static final String LEASE_FIELD = "outboxLease";

    private long eventSequence;
    private List<OutboxEvent> outbox = new ArrayList<>();

    /**
     * Records a published-language event raised by the aggregate whose id is {@code subject}. The body is
     * checked against its JSON Schema here, so an invalid event is refused before it could reach a consumer.
     */
    public OutboxEvent recordEvent(OcopEvent event, String subject, Instant time) {
        EventType type = EventType.of(event);
        byte[] json = EventJson.write(event);
        EventSchemas.requireValid(type, json);
        return recordEvent(type.topic(), type.source(), type.ceType(), subject,
                new String(json, java.nio.charset.StandardCharsets.UTF_8), time);
    }

    /** Appends an event with the next per-aggregate sequence number; it is published after the document is saved. */
    protected OutboxEvent recordEvent(String topic, String source, String type, String subject, String jsonPayload, Instant time) {
        eventSequence++;
        OutboxEvent event = new OutboxEvent(UUID.randomUUID().toString(), topic, source, type, subject,
                eventSequence, time, jsonPayload, TraceContext.currentOrNew());
        outbox.add(event);
        return event;
    }

    public long getEventSequence() {
        return eventSequence;
    }

    public void setEventSequence(long eventSequence) {
        this.eventSequence = eventSequence;
    }

    public List<OutboxEvent> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutboxEvent> outbox) {
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }
}
