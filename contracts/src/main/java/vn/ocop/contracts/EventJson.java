package vn.ocop.contracts;

import java.time.Instant;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one place that turns event bodies into JSON and back (UTF-8).
 * <p>
 * Dates are ISO strings ({@code 2025-07-10}, {@code 2025-07-10T02:30:00Z}), scores plain JSON numbers
 * ({@code 85.50}); unknown properties are ignored on read so that producers may add optional fields.
 * Thread-safe.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(new SimpleModule("utc-instants")
                    .addDeserializer(Instant.class, UtcFirstInstantDeserializer.wrapping(InstantDeserializer.INSTANT)))
            .build();

    private EventJson() {
    }

    /** Serializes an event body to UTF-8 JSON. */
    public static byte[] write(Object body) {
        Objects.requireNonNull(body, "body");
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JacksonException e) {
            throw new EventFormatException(
                    "Cannot write " + body.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a UTF-8 JSON event body.
     *
     * @throws EventFormatException if the bytes are not JSON or do not fit the class (wrong type, unknown enum
     *                              value, a value the record refuses)
     */
    public static <T> T read(byte[] json, Class<T> bodyClass) {
        Objects.requireNonNull(bodyClass, "bodyClass");
        if (json == null || json.length == 0) {
            throw new EventFormatException("Cannot read " + bodyClass.getSimpleName() + ": empty body");
        }
        try {
            return MAPPER.readValue(json, bodyClass);
        } catch (JacksonException e) {
            throw new EventFormatException("Cannot read " + bodyClass.getSimpleName() + describeLocation(e)
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a body as the record registered for its type. */
    public static OcopEvent read(byte[] json, EventType type) {
        return read(json, type.payloadClass());
    }

    /**
     * Maps a body already parsed ({@link EventSchemas#parse}) to the record registered for its type, as
     * {@link #read(byte[], Class)} reads the bytes.
     *
     * @throws EventFormatException if the tree does not fit the class
     */
    public static OcopEvent read(JsonNode body, EventType type) {
        Objects.requireNonNull(body, "body");
        Class<? extends OcopEvent> bodyClass = type.payloadClass();
        try {
            return MAPPER.treeToValue(body, bodyClass);
        } catch (JacksonException e) {
            throw new EventFormatException("Cannot read " + bodyClass.getSimpleName() + describeLocation(e)
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Jackson's own {@link InstantDeserializer} (its options, its errors), with the UTC form every producer writes
     * read by {@link IsoInstants} first: see there why.
     */
    private static final class UtcFirstInstantDeserializer extends DelegatingDeserializer {

        UtcFirstInstantDeserializer(ValueDeserializer<?> standard) {
            super(standard);
        }

        // Jackson's delegating base is typed for Object; it returns the Instants of its delegate or its own.
        @SuppressWarnings("unchecked")
        static ValueDeserializer<Instant> wrapping(ValueDeserializer<Instant> standard) {
            return (ValueDeserializer<Instant>) (ValueDeserializer<?>) new UtcFirstInstantDeserializer(standard);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
            return new UtcFirstInstantDeserializer(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant utc = IsoInstants.parseUtc(parser.getString());
                if (utc != null) {
                    return utc;
                }
            }
            return super.deserialize(parser, context);
        }
    }

    /** The failing field as a JSON path, e.g. {@code $.entity.type} or {@code $.reasons[0].item}. */
    private static String describeLocation(JacksonException e) {
        if (e.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder(" at $");
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
