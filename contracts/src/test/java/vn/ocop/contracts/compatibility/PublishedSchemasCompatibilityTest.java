package vn.ocop.contracts.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The build check: every published v1 schema (snapshot in src/published-schemas/v1) must still be satisfied,
 * additively, by the current schema of the same name.
 */
class PublishedSchemasCompatibilityTest {

    private static final Path PUBLISHED = Path.of("src/published-schemas/v1");
    private static final Path CURRENT = Path.of("src/main/resources/schemas/v1");

    @Test
    void currentSchemasAreCompatibleWithEveryPublishedSchema() throws IOException {
        try (Stream<Path> published = Files.list(PUBLISHED)) {
            assertThat(published).as("published snapshots in %s", PUBLISHED.toAbsolutePath()).isNotEmpty();
        }

        List<SchemaIncompatibility> incompatibilities = SchemaCompatibility.compareFolders(PUBLISHED, CURRENT);

        assertThat(incompatibilities)
                .withFailMessage(() -> "Incompatible changes to published v1 schemas (add a v2 type instead, see "
                        + "contracts/README.md):\n" + incompatibilities.stream()
                        .map(incompatibility -> "  - " + incompatibility)
                        .collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
