package vn.ocop.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates event bodies against the JSON Schema of their type (draft 2020-12, {@code format} asserted).
 * <p>
 * Every schema is loaded and compiled once, when this class is first used; validation is thread-safe. A consumer
 * reads a body once: {@link #parse} gives the tree that {@link #validate(EventType, JsonNode)} checks and
 * {@link EventJson#read(JsonNode, EventType)} maps, instead of each parsing the bytes again.
 */
public final class EventSchemas {

    // Floats as BigDecimal so that "multipleOf": 0.01 is checked exactly (85.55 is not a binary fraction).
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Map<EventType, Schema> SCHEMAS = loadAll();

    private EventSchemas() {
    }

    /**
     * A body as the tree its schema is checked on: duplicate keys and trailing tokens are refused, decimals kept
     * exact.
     *
     * @throws EventFormatException if the body is empty or not JSON, with {@code $: empty body} or
     *                              {@code $: not valid JSON: <reason>}
     */
    public static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new EventFormatException("$: empty body");
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new EventFormatException("$: not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Validates a JSON body against the schema of a CloudEvents type.
     *
     * @return the violations, each prefixed with its JSON path (e.g. {@code $.entity.name}); empty if valid
     * @throws IllegalArgumentException if the type is not registered: look it up with
     *                                  {@link EventType#fromCeType(String)} first and skip unknown types
     */
    public static List<String> validate(String ceType, byte[] json) {
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new IllegalArgumentException("No schema for event type " + ceType));
        return validate(type, json);
    }

    /** Validates a JSON body against the schema of a registered type; empty if valid. */
    public static List<String> validate(EventType type, byte[] json) {
        Objects.requireNonNull(type, "type");
        JsonNode body;
        try {
            body = parse(json);
        } catch (EventFormatException e) {
            return List.of(e.getMessage());
        }
        return validate(type, body);
    }

    /** Validates a body {@link #parse parsed} before against the schema of a registered type; empty if valid. */
    public static List<String> validate(EventType type, JsonNode body) {
        Objects.requireNonNull(type, "type");
        return SCHEMAS.get(type).validate(body).stream()
                .map(Error::toString)
                .sorted()
                .toList();
    }

    /**
     * Throws unless the body is valid, e.g. before a producer stores an event in its outbox.
     *
     * @throws EventFormatException listing the violations
     */
    public static void requireValid(EventType type, byte[] json) {
        List<String> violations = validate(type, json);
        if (!violations.isEmpty()) {
            throw new EventFormatException(
                    "Body of " + type.ceType() + " violates its schema: " + String.join("; ", violations));
        }
    }

    private static Map<EventType, Schema> loadAll() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        Dialect draft202012 = Dialect.builder(Dialects.getDraft202012())
                .format(new UtcFirstDateTimeFormat())
                .build();
        SchemaRegistry registry = SchemaRegistry.withDialect(draft202012,
                builder -> builder.schemaRegistryConfig(config));
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaLocation())) {
                if (in == null) {
                    throw new IllegalStateException("Missing schema " + type.schemaLocation() + " for " + type.ceType());
                }
                Schema schema = registry.getSchema(in);
                // Compile the validators (and resolve the meta-schema) now, not during the first message a consumer handles.
                schema.initializeValidators();
                schemas.put(type, schema);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema " + type.schemaLocation(), e);
            }
        }
        return Collections.unmodifiableMap(schemas);
    }
}
