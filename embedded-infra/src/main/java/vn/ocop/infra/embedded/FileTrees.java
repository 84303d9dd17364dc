package vn.ocop.infra.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Recursive deletion of temporary directories. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes {@code root} and everything under it; files that cannot be deleted are left behind. */
    public static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a leftover temporary file is harmless
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
