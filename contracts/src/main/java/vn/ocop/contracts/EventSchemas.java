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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates event bodies against the JSON Schema of their type (draft 2020-12, {@code format} asserted).
 * <p>
 * Every schema is loaded and compiled once, when this class is first used; validation is thread-safe.
 * The schema library works on Jackson 2 trees, which stay inside this class.
 */
public final class EventSchemas {

    // Floats as BigDecimal so that "multipleOf": 0.01 is checked exactly (85.55 is not a binary fraction).
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Map<EventType, JsonSchema> SCHEMAS = loadAll();

    private EventSchemas() {
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
        if (json == null || json.length == 0) {
            return List.of("$: empty body");
        }
        JsonNode body;
        try {
            body = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("$: not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SCHEMAS.get(type).validate(body).stream()
                .map(ValidationMessage::getMessage)
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

    private static Map<EventType, JsonSchema> loadAll() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            JsonSchema schema = factory.getSchema(readSchema(type), config);
            // Compile the validators (and resolve the meta-schema) now, not during the first message a consumer handles.
            schema.initializeValidators();
            schemas.put(type, schema);
        }
        return Collections.unmodifiableMap(schemas);
    }

    private static JsonNode readSchema(EventType type) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaLocation())) {
            if (in == null) {
                throw new IllegalStateException("Missing schema " + type.schemaLocation() + " for " + type.ceType());
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + type.schemaLocation(), e);
        }
    }
}
