package vn.ocop.chassis.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import vn.ocop.chassis.tracing.TraceContext;
import vn.ocop.contracts.EventFormatException;
import vn.ocop.contracts.EventJson;
import vn.ocop.contracts.EventSchemas;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.OcopEvent;

/**
 * Routes consumed records to one handler per event type, as a tolerant reader: unknown types are skipped and
 * counted, unknown fields ignored. A record that can never be processed (malformed headers, bad JSON, a body
 * failing its schema) raises {@link PoisonMessageException}; the binder then retries and dead-letters it.
 */
public final class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final Map<EventType, EventHandler<? extends OcopEvent>> handlers;
    private final MeterRegistry meters;
    private final String consumer;
    private final Map<String, Counter> skipped = new ConcurrentHashMap<>();

    private EventDispatcher(String consumer, Map<EventType, EventHandler<? extends OcopEvent>> handlers,
            MeterRegistry meters) {
        this.consumer = consumer;
        this.handlers = Map.copyOf(handlers);
        this.meters = meters;
    }

    public static Builder builder(String consumer, MeterRegistry meters) {
        return new Builder(consumer, meters);
    }

    public void dispatch(Message<byte[]> message) {
        dispatch(message.getHeaders(), message.getPayload());
    }

    public void dispatch(Map<String, ?> headers, byte[] payload) {
        EventEnvelope envelope = EventEnvelope.from(headers, payload);
        Optional<EventType> type = EventType.fromCeType(envelope.type());
        EventHandler<? extends OcopEvent> handler = type.map(handlers::get).orElse(null);
        if (handler == null) {
            skip(envelope.type());
            return;
        }
        JsonNode tree;
        try {
            tree = EventSchemas.parse(envelope.payload());
        } catch (EventFormatException e) {
            throw new PoisonMessageException("event " + envelope.id() + " of type " + envelope.type()
                    + " fails its schema: [" + e.getMessage() + "]", e);
        }
        List<String> violations = EventSchemas.validate(type.get(), tree);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException("event " + envelope.id() + " of type " + envelope.type()
                    + " fails its schema: " + violations);
        }
        OcopEvent body;
        try {
            body = EventJson.read(tree, type.get());
        } catch (EventFormatException e) {
            throw new PoisonMessageException("event " + envelope.id() + " is not readable: " + e.getMessage(), e);
        }
        TraceContext.begin(envelope.traceparent());
        MDC.put("aggregateId", envelope.subject());
        try {
            invoke(handler, envelope, body);
        } finally {
            MDC.remove("aggregateId");
            TraceContext.end();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends OcopEvent> void invoke(EventHandler<T> handler, EventEnvelope envelope, OcopEvent body) {
        handler.on(new ReceivedEvent<>(envelope, (T) body));
    }

    private void skip(String ceType) {
        log.debug("{} skips event type {}", consumer, ceType);
        skipped.computeIfAbsent(ceType, type -> Counter.builder("ocop.events.skipped")
                .description("Consumed events of a type this consumer does not handle")
                .tag("consumer", consumer).tag("type", type).register(meters)).increment();
    }

    public static final class Builder {
        private final String consumer;
        private final MeterRegistry meters;
        private final Map<EventType, EventHandler<? extends OcopEvent>> handlers = new ConcurrentHashMap<>();

        private Builder(String consumer, MeterRegistry meters) {
            this.consumer = consumer;
            this.meters = meters;
        }

        public <T extends OcopEvent> Builder on(Class<T> bodyType, EventHandler<T> handler) {
            EventType type = EventType.forPayloadClass(bodyType)
                    .orElseThrow(() -> new IllegalArgumentException(bodyType + " is not a published event"));
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalStateException("two handlers for " + type);
            }
            return this;
        }

        public EventDispatcher build() {
            return new EventDispatcher(consumer, handlers, meters);
        }
    }
}
