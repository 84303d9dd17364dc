package vn.ocop.contracts.compatibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a published JSON Schema with its current version and reports every change that could break a
 * producer or consumer of the published version.
 * <p>
 * Within a version only additive changes are allowed: a new optional property, a new enum value, a looser
 * bound, a new schema. Anything else is reported: a removed (or renamed) property, a changed type, a property
 * newly required, removed enum values, a tighter bound, format or pattern, closed additional properties.
 * Objects, array items and map values are compared recursively; local {@code $ref}s are followed.
 * Composition keywords ({@code allOf}, {@code anyOf}, {@code if}…) are only compared for equality, so any change
 * to them is reported.
 */
public final class SchemaCompatibility {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> LOWER_BOUNDS =
            List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains");
    private static final List<String> UPPER_BOUNDS =
            List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains");
    private static final List<String> EXACT_ASSERTIONS = List.of("format", "pattern", "const");
    private static final List<String> COMPARED_BY_EQUALITY = List.of(
            "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas",
            "prefixItems", "contains", "propertyNames", "patternProperties", "unevaluatedProperties",
            "unevaluatedItems");
    private static final int MAX_DEPTH = 64;

    private SchemaCompatibility() {
    }

    /**
     * Compares every {@code *.json} schema of the published folder with the file of the same name in the current
     * folder. Schemas only in the current folder are new types and pass.
     */
    public static List<SchemaIncompatibility> compareFolders(Path publishedFolder, Path currentFolder) {
        List<SchemaIncompatibility> found = new ArrayList<>();
        for (Path published : jsonFiles(publishedFolder)) {
            String name = published.getFileName().toString();
            Path current = currentFolder.resolve(name);
            if (!Files.isRegularFile(current)) {
                found.add(new SchemaIncompatibility(name, "$", SchemaIncompatibility.Kind.SCHEMA_MISSING,
                        "published schema has no current version in " + currentFolder));
                continue;
            }
            found.addAll(compare(name, read(published), read(current)));
        }
        return found;
    }

    /** Compares two schema documents given as JSON text. */
    public static List<SchemaIncompatibility> compare(String schemaName, String publishedJson, String currentJson) {
        return compare(schemaName, parse(schemaName, publishedJson), parse(schemaName, currentJson));
    }

    private static List<SchemaIncompatibility> compare(String schemaName, JsonNode published, JsonNode current) {
        Comparison comparison = new Comparison(schemaName, published, current);
        comparison.compare(published, current, "$", 0);
        return List.copyOf(comparison.found);
    }

    private static final class Comparison {
        private final String schemaName;
        private final JsonNode publishedRoot;
        private final JsonNode currentRoot;
        private final List<SchemaIncompatibility> found = new ArrayList<>();

        Comparison(String schemaName, JsonNode publishedRoot, JsonNode currentRoot) {
            this.schemaName = schemaName;
            this.publishedRoot = publishedRoot;
            this.currentRoot = currentRoot;
        }

        void compare(JsonNode publishedNode, JsonNode currentNode, String location, int depth) {
            if (depth > MAX_DEPTH) {
                return; // recursive $refs: everything below has been compared on the way down
            }
            JsonNode published = resolve(publishedRoot, publishedNode);
            JsonNode current = resolve(currentRoot, currentNode);
            if (published.isBoolean() || current.isBoolean()) {
                compareBooleanSchemas(published, current, location);
                return;
            }
            compareTypes(published, current, location);
            compareEnums(published, current, location);
            compareBounds(published, current, location);
            compareExactAssertions(published, current, location);
            compareRequired(published, current, location);
            compareProperties(published, current, location, depth);
            compareAdditionalProperties(published, current, location, depth);
            compareItems(published, current, location, depth);
        }

        private void compareBooleanSchemas(JsonNode published, JsonNode current, String location) {
            boolean publishedAcceptsAll = !published.isBoolean() || published.booleanValue();
            if (current.isBoolean() && !current.booleanValue() && publishedAcceptsAll) {
                report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED, "schema became false");
            } else if (published.isBoolean() && published.booleanValue() && current.isObject()
                    && !isEffectivelyEmpty(current)) {
                report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED,
                        "schema true became a constrained schema");
            }
        }

        private void compareTypes(JsonNode published, JsonNode current, String location) {
            Set<String> publishedTypes = types(published);
            Set<String> currentTypes = types(current);
            if (!publishedTypes.equals(currentTypes)) {
                report(location, SchemaIncompatibility.Kind.TYPE_CHANGED,
                        describeTypes(publishedTypes) + " → " + describeTypes(currentTypes));
            }
        }

        private void compareEnums(JsonNode published, JsonNode current, String location) {
            if (!current.has("enum")) {
                return;
            }
            if (!published.has("enum")) {
                report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED, "enum added: " + current.get("enum"));
                return;
            }
            Set<JsonNode> currentValues = new HashSet<>(current.get("enum").values());
            List<String> removed = published.get("enum").values().stream()
                    .filter(value -> !currentValues.contains(value))
                    .map(JsonNode::toString)
                    .toList();
            if (!removed.isEmpty()) {
                report(location, SchemaIncompatibility.Kind.ENUM_VALUES_REMOVED, "removed " + removed);
            }
        }

        private void compareBounds(JsonNode published, JsonNode current, String location) {
            for (String keyword : LOWER_BOUNDS) {
                compareBound(published, current, location, keyword, 1);
            }
            for (String keyword : UPPER_BOUNDS) {
                compareBound(published, current, location, keyword, -1);
            }
            if (current.has("multipleOf") && current.get("multipleOf").isNumber()) {
                BigDecimal currentStep = current.get("multipleOf").decimalValue();
                JsonNode publishedStep = published.get("multipleOf");
                boolean stillAccepted = publishedStep != null && publishedStep.isNumber()
                        && publishedStep.decimalValue().remainder(currentStep).signum() == 0;
                if (!stillAccepted) {
                    report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED,
                            "multipleOf " + publishedStep + " → " + currentStep);
                }
            }
            if (current.path("uniqueItems").asBoolean(false) && !published.path("uniqueItems").asBoolean(false)) {
                report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED, "uniqueItems added");
            }
        }

        /** @param tighterSign 1 when a larger value is tighter (a lower bound), -1 when a smaller one is */
        private void compareBound(JsonNode published, JsonNode current, String location, String keyword,
                int tighterSign) {
            JsonNode currentBound = current.get(keyword);
            if (currentBound == null || !currentBound.isNumber()) {
                return;
            }
            JsonNode publishedBound = published.get(keyword);
            boolean tighter = publishedBound == null || !publishedBound.isNumber()
                    || currentBound.decimalValue().compareTo(publishedBound.decimalValue()) * tighterSign > 0;
            if (tighter) {
                report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED,
                        keyword + " " + (publishedBound == null ? "(none)" : publishedBound) + " → " + currentBound);
            }
        }

        private void compareExactAssertions(JsonNode published, JsonNode current, String location) {
            for (String keyword : EXACT_ASSERTIONS) {
                JsonNode currentValue = current.get(keyword);
                if (currentValue != null && !currentValue.equals(published.get(keyword))) {
                    report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED,
                            keyword + " " + describe(published.get(keyword)) + " → " + currentValue);
                }
            }
            for (String keyword : COMPARED_BY_EQUALITY) {
                JsonNode publishedValue = published.get(keyword);
                JsonNode currentValue = current.get(keyword);
                if (currentValue != null && !currentValue.equals(publishedValue)) {
                    report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED,
                            keyword + " changed (compared for equality only)");
                }
            }
        }

        private void compareRequired(JsonNode published, JsonNode current, String location) {
            Set<String> publishedRequired = strings(published.get("required"));
            for (String name : strings(current.get("required"))) {
                if (!publishedRequired.contains(name)) {
                    report(child(location, name), SchemaIncompatibility.Kind.MADE_REQUIRED,
                            "'" + name + "' is required now");
                }
            }
        }

        private void compareProperties(JsonNode published, JsonNode current, String location, int depth) {
            JsonNode publishedProperties = published.path("properties");
            JsonNode currentProperties = current.path("properties");
            for (Map.Entry<String, JsonNode> property : publishedProperties.properties()) {
                String name = property.getKey();
                JsonNode currentProperty = currentProperties.get(name);
                if (currentProperty == null) {
                    report(child(location, name), SchemaIncompatibility.Kind.PROPERTY_REMOVED,
                            "'" + name + "' removed or renamed");
                } else {
                    compare(property.getValue(), currentProperty, child(location, name), depth + 1);
                }
            }
        }

        private void compareAdditionalProperties(JsonNode published, JsonNode current, String location, int depth) {
            JsonNode currentAdditional = current.get("additionalProperties");
            if (currentAdditional == null) {
                return;
            }
            JsonNode publishedAdditional = published.get("additionalProperties");
            if (publishedAdditional == null) {
                publishedAdditional = JSON.getNodeFactory().booleanNode(true);
            }
            if (currentAdditional.isBoolean() && !currentAdditional.booleanValue()
                    && !(publishedAdditional.isBoolean() && !publishedAdditional.booleanValue())) {
                report(location, SchemaIncompatibility.Kind.CONSTRAINT_TIGHTENED,
                        "additionalProperties became false: consumers of v1 must stay tolerant of extra fields");
                return;
            }
            compare(publishedAdditional, currentAdditional, location + ".*", depth + 1);
        }

        private void compareItems(JsonNode published, JsonNode current, String location, int depth) {
            JsonNode currentItems = current.get("items");
            if (currentItems == null) {
                return;
            }
            JsonNode publishedItems = published.get("items");
            if (publishedItems == null) {
                publishedItems = JSON.getNodeFactory().booleanNode(true);
            }
            compare(publishedItems, currentItems, location + "[]", depth + 1);
        }

        private JsonNode resolve(JsonNode root, JsonNode node) {
            JsonNode resolved = node;
            for (int hops = 0; resolved.isObject() && resolved.has("$ref") && hops < MAX_DEPTH; hops++) {
                String ref = resolved.get("$ref").asString();
                if (!ref.startsWith("#")) {
                    throw new IllegalArgumentException(schemaName + ": only local $refs are supported, found " + ref);
                }
                JsonNode target = root.at(ref.substring(1));
                if (target.isMissingNode()) {
                    throw new IllegalArgumentException(schemaName + ": unresolvable $ref " + ref);
                }
                resolved = target;
            }
            return resolved;
        }

        private void report(String location, SchemaIncompatibility.Kind kind, String detail) {
            found.add(new SchemaIncompatibility(schemaName, location, kind, detail));
        }
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> types = new LinkedHashSet<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.values().forEach(value -> types.add(value.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    private static String describeTypes(Set<String> types) {
        return types.isEmpty() ? "(any)" : String.join("|", types);
    }

    private static String describe(JsonNode value) {
        return value == null ? "(none)" : value.toString();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.values().forEach(value -> values.add(value.asString()));
        }
        return values;
    }

    private static boolean isEffectivelyEmpty(JsonNode schema) {
        return schema.propertyNames().stream()
                .allMatch(name -> name.equals("description") || name.equals("title") || name.startsWith("$"));
    }

    private static String child(String location, String name) {
        return location + "." + name;
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list schemas in " + folder, e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema " + file, e);
        }
    }

    private static JsonNode parse(String schemaName, String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(schemaName + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
