package vn.ocop.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.contracts.dossier.DossierSubmitted;

class EventTypeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void looksUpKnownTypes() {
        assertThat(EventType.fromCeType("vn.ocop.dossier.submitted.v1")).contains(EventType.DOSSIER_SUBMITTED);
        assertThat(EventType.fromCeType("vn.ocop.evaluation.product-rated.v1")).contains(EventType.PRODUCT_RATED);
        assertThat(EventType.forPayloadClass(DossierSubmitted.class)).contains(EventType.DOSSIER_SUBMITTED);
    }

    @Test
    void unknownTypesAreEmptySoConsumersCanSkipThem() {
        assertThat(EventType.fromCeType("vn.ocop.dossier.submitted.v2")).isEmpty();
        assertThat(EventType.fromCeType("com.example.other")).isEmpty();
        assertThat(EventType.fromCeType(null)).isEmpty();
        assertThat(EventType.forPayloadClass(String.class)).isEmpty();
    }

    @Test
    void ofRefusesAnUnregisteredBody() {
        OcopEvent unregistered = new OcopEvent() {
        };
        assertThatThrownBy(() -> EventType.of(unregistered)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeNameTopicAndSourceFollowTheProducingService(EventType type) {
        assertThat(type.ceType()).matches("vn\\.ocop\\.(dossier|evaluation|reporting|notification)\\.[a-z]+(-[a-z]+)*\\.v1");
        String service = type.ceType().split("\\.")[2];
        assertThat(type.topic()).isEqualTo("ocop." + service + ".events");
        assertThat(type.source()).isEqualTo("/" + service + "-service");
        assertThat(Topics.all()).contains(type.topic());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaFileExistsAndDescribesTheRecord(EventType type) throws IOException {
        assertThat(type.schemaLocation()).isEqualTo("/schemas/v1/" + type.ceType() + ".json");
        JsonNode schema;
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaLocation())) {
            assertThat(in).as("schema %s", type.schemaLocation()).isNotNull();
            schema = JSON.readTree(in);
        }
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("title").asString()).isEqualTo(type.payloadClass().getSimpleName());
        assertSamePropertiesAsRecord(schema, type.payloadClass(), "$");
    }

    @Test
    void everySchemaFileBelongsToARegisteredType() throws IOException {
        Path folder = Path.of("src/main/resources/schemas/v1");
        List<String> registered = Arrays.stream(EventType.values()).map(type -> type.ceType() + ".json").toList();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(registered);
        }
    }

    /** Keeps a record and its schema from drifting apart: same property names, nested records included. */
    private static void assertSamePropertiesAsRecord(JsonNode schema, Class<?> recordClass, String location) {
        RecordComponent[] components = recordClass.getRecordComponents();
        assertThat(schema.path("properties").propertyNames())
                .as("properties of %s (%s)", location, recordClass.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(components).map(RecordComponent::getName).toList());
        assertThat(schema.path("required").values().stream().map(JsonNode::asString).toList())
                .as("required of %s", location)
                .isSubsetOf(schema.path("properties").propertyNames());
        for (RecordComponent component : components) {
            JsonNode property = schema.path("properties").path(component.getName());
            String childLocation = location + "." + component.getName();
            if (component.getType().isRecord()) {
                assertSamePropertiesAsRecord(property, component.getType(), childLocation);
            } else if (component.getType() == List.class) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    assertSamePropertiesAsRecord(property.path("items"), elementClass, childLocation + "[]");
                }
            }
        }
    }
}
