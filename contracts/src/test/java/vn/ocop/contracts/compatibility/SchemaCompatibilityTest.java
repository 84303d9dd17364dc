package vn.ocop.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.ocop.contracts.compatibility.SchemaIncompatibility.Kind;

class SchemaCompatibilityTest {

    private static final String PUBLISHED = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "required": ["dossierId", "stars", "entity"],
              "properties": {
                "dossierId": {"type": "string", "minLength": 1},
                "localityCode": {"type": "string"},
                "stars": {"type": "integer", "minimum": 3, "maximum": 5},
                "level": {"type": "string", "enum": ["PROVINCE", "CENTRAL"]},
                "reference": {"type": ["string", "null"]},
                "entity": {
                  "type": "object",
                  "required": ["name"],
                  "properties": {
                    "name": {"type": "string"},
                    "taxCode": {"type": ["string", "null"]}
                  }
                },
                "reasons": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {"item": {"type": "string"}, "reason": {"type": "string"}}
                  }
                },
                "figures": {"type": "object", "additionalProperties": {"type": "number"}}
              }
            }
            """;

    @Test
    void identicalSchemaIsCompatible() {
        assertThat(compareWith(PUBLISHED)).isEmpty();
    }

    @Test
    void additiveChangesAreCompatible() {
        String current = PUBLISHED
                .replace("\"localityCode\": {\"type\": \"string\"},",
                        "\"localityCode\": {\"type\": \"string\"}, \"productGroup\": {\"type\": \"string\"},")
                .replace("[\"PROVINCE\", \"CENTRAL\"]", "[\"COMMUNE\", \"PROVINCE\", \"CENTRAL\"]")
                .replace("\"minimum\": 3", "\"minimum\": 1")
                .replace("\"name\": {\"type\": \"string\"},",
                        "\"name\": {\"type\": \"string\"}, \"shortName\": {\"type\": [\"string\", \"null\"]},");
        assertThat(current).contains("productGroup", "COMMUNE", "\"minimum\": 1", "shortName");

        assertThat(compareWith(current)).isEmpty();
    }

    @Test
    void removedPropertyIsReported() {
        String current = PUBLISHED.replace("\"localityCode\": {\"type\": \"string\"},", "");

        assertThat(compareWith(current)).extracting("location", "kind")
                .containsExactly(tuple("$.localityCode", Kind.PROPERTY_REMOVED));
    }

    @Test
    void renamedPropertyIsReportedAsRemoved() {
        String current = PUBLISHED.replace("\"localityCode\":", "\"localityId\":");

        assertThat(compareWith(current)).extracting("location", "kind")
                .containsExactly(tuple("$.localityCode", Kind.PROPERTY_REMOVED));
    }

    @Test
    void changedTypeIsReported() {
        String current = PUBLISHED.replace("\"stars\": {\"type\": \"integer\"", "\"stars\": {\"type\": \"number\"");

        assertThat(compareWith(current)).extracting("location", "kind")
                .containsExactly(tuple("$.stars", Kind.TYPE_CHANGED));
    }

    @Test
    void nullableBecomingNonNullOrTheReverseIsATypeChange() {
        String current = PUBLISHED
                .replace("\"reference\": {\"type\": [\"string\", \"null\"]}", "\"reference\": {\"type\": \"string\"}")
                .replace("\"localityCode\": {\"type\": \"string\"}",
                        "\"localityCode\": {\"type\": [\"string\", \"null\"]}");

        assertThat(compareWith(current)).extracting("location", "kind").containsExactlyInAnyOrder(
                tuple("$.reference", Kind.TYPE_CHANGED), tuple("$.localityCode", Kind.TYPE_CHANGED));
    }

    @Test
    void newlyRequiredPropertyIsReported() {
        String current = PUBLISHED.replace("\"required\": [\"dossierId\", \"stars\", \"entity\"]",
                "\"required\": [\"dossierId\", \"stars\", \"entity\", \"localityCode\"]");

        assertThat(compareWith(current)).extracting("location", "kind")
                .containsExactly(tuple("$.localityCode", Kind.MADE_REQUIRED));
    }

    @Test
    void newRequiredPropertyIsReported() {
        String current = PUBLISHED
                .replace("\"required\": [\"name\"]", "\"required\": [\"name\", \"type\"]")
                .replace("\"name\": {\"type\": \"string\"},", "\"name\": {\"type\": \"string\"}, \"type\": {\"type\": \"string\"},");

        assertThat(compareWith(current)).extracting("location", "kind")
                .containsExactly(tuple("$.entity.type", Kind.MADE_REQUIRED));
    }

    @Test
    void removedEnumValueIsReported() {
        String current = PUBLISHED.replace("[\"PROVINCE\", \"CENTRAL\"]", "[\"PROVINCE\"]");

        List<SchemaIncompatibility> found = compareWith(current);

        assertThat(found).extracting("location", "kind").containsExactly(tuple("$.level", Kind.ENUM_VALUES_REMOVED));
        assertThat(found.getFirst().detail()).contains("CENTRAL");
    }

    @Test
    void removedNestedPropertiesAreReported() {
        String current = PUBLISHED
                .replace("\"name\": {\"type\": \"string\"},\n", "\"name\": {\"type\": \"string\"}\n")
                .replace("\"taxCode\": {\"type\": [\"string\", \"null\"]}", "")
                .replace("\"item\": {\"type\": \"string\"}, \"reason\": {\"type\": \"string\"}",
                        "\"item\": {\"type\": \"string\"}");

        assertThat(compareWith(current)).extracting("location", "kind").containsExactlyInAnyOrder(
                tuple("$.entity.taxCode", Kind.PROPERTY_REMOVED),
                tuple("$.reasons[].reason", Kind.PROPERTY_REMOVED));
    }

    @Test
    void changedMapValueTypeIsReported() {
        String current = PUBLISHED.replace("\"additionalProperties\": {\"type\": \"number\"}",
                "\"additionalProperties\": {\"type\": \"string\"}");

        assertThat(compareWith(current)).extracting("location", "kind")
                .containsExactly(tuple("$.figures.*", Kind.TYPE_CHANGED));
    }

    @Test
    void tightenedConstraintsAreReported() {
        String current = PUBLISHED
                .replace("\"maximum\": 5", "\"maximum\": 4")
                .replace("\"minLength\": 1", "\"minLength\": 3")
                .replace("\"localityCode\": {\"type\": \"string\"}",
                        "\"localityCode\": {\"type\": \"string\", \"pattern\": \"^[0-9]{5}$\"}")
                .replace("\"required\": [\"name\"],", "\"required\": [\"name\"], \"additionalProperties\": false,");

        assertThat(compareWith(current)).extracting("location", "kind").containsExactlyInAnyOrder(
                tuple("$.stars", Kind.CONSTRAINT_TIGHTENED),
                tuple("$.dossierId", Kind.CONSTRAINT_TIGHTENED),
                tuple("$.localityCode", Kind.CONSTRAINT_TIGHTENED),
                tuple("$.entity", Kind.CONSTRAINT_TIGHTENED));
    }

    @Test
    void localReferencesAreFollowed() {
        String published = """
                {"type": "object",
                 "properties": {"entity": {"$ref": "#/$defs/Entity"}},
                 "$defs": {"Entity": {"type": "object", "properties": {"name": {"type": "string"}, "taxCode": {"type": "string"}}}}}
                """;
        String current = published.replace(", \"taxCode\": {\"type\": \"string\"}", "");

        assertThat(SchemaCompatibility.compare("ref.json", published, current)).extracting("location", "kind")
                .containsExactly(tuple("$.entity.taxCode", Kind.PROPERTY_REMOVED));
    }

    @Test
    void everyIncompatibilityIsReportedAtOnce() {
        String current = PUBLISHED
                .replace("\"localityCode\": {\"type\": \"string\"},", "")
                .replace("[\"PROVINCE\", \"CENTRAL\"]", "[\"CENTRAL\"]")
                .replace("\"stars\": {\"type\": \"integer\"", "\"stars\": {\"type\": \"string\"");

        assertThat(compareWith(current)).extracting("kind").containsExactlyInAnyOrder(
                Kind.PROPERTY_REMOVED, Kind.ENUM_VALUES_REMOVED, Kind.TYPE_CHANGED);
    }

    @Test
    void foldersAreComparedByFileNameAndNewSchemasPass(@TempDir Path temp) throws IOException {
        Path published = Files.createDirectories(temp.resolve("published"));
        Path current = Files.createDirectories(temp.resolve("current"));
        Files.writeString(published.resolve("vn.ocop.a.kept.v1.json"), PUBLISHED);
        Files.writeString(published.resolve("vn.ocop.a.dropped.v1.json"), PUBLISHED);
        Files.writeString(current.resolve("vn.ocop.a.kept.v1.json"), PUBLISHED.replace("\"localityCode\":", "\"x\":"));
        Files.writeString(current.resolve("vn.ocop.a.added.v1.json"), PUBLISHED);

        assertThat(SchemaCompatibility.compareFolders(published, current)).extracting("schema", "location", "kind")
                .containsExactlyInAnyOrder(
                        tuple("vn.ocop.a.dropped.v1.json", "$", Kind.SCHEMA_MISSING),
                        tuple("vn.ocop.a.kept.v1.json", "$.localityCode", Kind.PROPERTY_REMOVED));
    }

    @Test
    void incompatibilityReadsAsOneLine() {
        var incompatibility = new SchemaIncompatibility("vn.ocop.dossier.submitted.v1.json", "$.entity.taxCode",
                Kind.PROPERTY_REMOVED, "'taxCode' removed or renamed");

        assertThat(incompatibility).hasToString(
                "vn.ocop.dossier.submitted.v1.json $.entity.taxCode: PROPERTY_REMOVED ('taxCode' removed or renamed)");
    }

    private static List<SchemaIncompatibility> compareWith(String current) {
        return SchemaCompatibility.compare("test.json", PUBLISHED, current);
    }
}
