package vn.ocop.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A JVM class-data cache per service jar, so that a service's second and later starts skip most class loading,
 * parsing, verification and linking: the JDK AOT cache (JEP 483/514/515) on JDK 25+, a dynamic AppCDS archive on
 * JDK 21–24.
 *
 * <p>Both only cover classes from plain jars on the class path, not from Spring Boot's nested-jar class loader, so
 * the fat jar is first extracted with Spring Boot's {@code -Djarmode=tools extract} and the extracted jar is run.
 * The first start of an extraction is its training run: the JVM records what it loads and writes the cache when the
 * service exits (on JDK 25 it assembles the cache in a child JVM then, which makes that one stop some seconds
 * longer). The cache is written to a scratch directory and moved into place only after the service was stopped
 * gracefully and a JVM has checked that it can map it, so a killed training run leaves nothing that a later start
 * would use.
 *
 * <p>Layout, under the jar's {@code target/} (so {@code mvn clean} removes it and a rebuilt jar gets a fresh one):
 * {@code jvm-cache/<size>-<lastModified>/app/<module>.jar} (+ {@code lib/}), the caches
 * {@code <kind>-<jdk>-<options hash>.<aot|jsa>} next to {@code app/}, and {@code extract.lock} / {@code train.lock}.
 * Two launchers starting the same service serialize on the extraction lock; only the one holding the training lock
 * trains, the other runs the extracted jar without a cache.
 */
final class JvmCache {

    /** Set to {@code off} to run the fat jars as before. */
    static final String SWITCH_VARIABLE = "OCOP_JVM_CACHE";

    /** How long a training run may take to exit beyond the caller's stop timeout: it writes the cache then. */
    static final Duration TRAINING_EXIT_ALLOWANCE = Duration.ofSeconds(120);

    /** Locks held by this JVM: {@link FileChannel#lock()} is per process, and throws if this JVM holds it already. */
    private static final Map<Path, Object> LOCAL_LOCKS = new ConcurrentHashMap<>();

    private final Path javaCommand;
    private final Runtime.Version jdk;
    private final Extractor extractor;

    /** Turns a fat jar into a directory holding a jar of the same name that runs with plain class loading. */
    @FunctionalInterface
    interface Extractor {
        void extract(Path fatJar, Path destination) throws IOException;
    }

    /** The running JDK's {@code java}, extracting with Spring Boot's jar tools. */
    JvmCache() {
        this(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version(), null);
    }

    /**
     * @param jdk the version of {@code java}: it picks the mechanism (AOT cache from 25 on, AppCDS before)
     * @param extractor null for Spring Boot's {@code -Djarmode=tools extract}
     */
    JvmCache(Path java, Runtime.Version jdk, Extractor extractor) {
        this.javaCommand = java;
        this.jdk = jdk;
        this.extractor = extractor != null ? extractor : this::extractWithSpringBootTools;
    }

    /** On unless {@value #SWITCH_VARIABLE} is {@code off} (or {@code false}, {@code 0}). */
    static boolean enabledByEnvironment() {
        return enabled(System.getenv(SWITCH_VARIABLE));
    }

    /** A switch's value: anything but {@code off}, {@code false}, {@code no} or {@code 0} (or none) means on. */
    static boolean enabled(String value) {
        return value == null || !List.of("off", "false", "0", "no").contains(value.trim().toLowerCase(Locale.ROOT));
    }

    boolean aotCache() {
        return jdk.feature() >= 25;
    }

    /**
     * Identifies the jar's content: its size and a digest of every entry's name, CRC-32 and size (read from the
     * zip's directory, not the bytes). The build is reproducible ({@code project.build.outputTimestamp}), so a rebuild
     * of unchanged sources, which writes a new file every time, keeps its key and its cache; any changed class or
     * library changes it.
     */
    static String key(Path jar) throws IOException {
        MessageDigest digest = sha256();
        ByteBuffer numbers = ByteBuffer.allocate(2 * Long.BYTES);
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                numbers.clear();
                numbers.putLong(entry.getCrc()).putLong(entry.getSize());
                digest.update(numbers.array());
            });
        }
        return Files.size(jar) + "-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /**
     * Extracts the jar if not done yet and says how to run it: with the cache if there is one, else as its training
     * run if no other process is training, else plainly. Falls back to the fat jar if extraction fails.
     */
    Launch prepare(Path fatJar, List<String> jvmOptions) throws IOException {
        Path directory = fatJar.toAbsolutePath().getParent().resolve("jvm-cache").resolve(key(fatJar));
        Path app;
        try {
            app = extracted(fatJar, directory);
        } catch (IOException e) {
            System.err.println("[launcher] running " + fatJar.getFileName() + " without a JVM cache: " + e.getMessage());
            return new Launch(fatJar, List.of(), null);
        }
        Path cache = directory.resolve(cacheName(jvmOptions));
        if (Files.isRegularFile(cache)) {
            return new Launch(app, List.of(useOption(cache)), null);
        }
        FileLock lock = tryLock(directory.resolve("train.lock"));
        if (lock == null) {
            return new Launch(app, List.of(), null);
        }
        try {
            if (Files.isRegularFile(cache)) { // trained and promoted by another process meanwhile
                release(lock);
                return new Launch(app, List.of(useOption(cache)), null);
            }
            deleteMatching(directory, "training-"); // left by a training run killed with its launcher
            Path scratch = Files.createDirectory(directory.resolve("training-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime()));
            Path output = scratch.resolve(cache.getFileName());
            Training training = new Training(lock, scratch, output, cache, app, jvmOptions);
            return new Launch(app, trainingOptions(output, scratch), training);
        } catch (IOException | RuntimeException e) {
            release(lock);
            throw e;
        }
    }

    /** {@code <kind>-<jdk>-<hash of the JVM options>}: a cache fits one JDK build and one GC/heap set-up. */
    String cacheName(List<String> jvmOptions) {
        String identity = jdk + "\n" + String.join("\n", jvmOptions);
        String hash = HexFormat.of().formatHex(sha256(identity.getBytes(StandardCharsets.UTF_8)), 0, 6);
        return aotCache() ? "aot-" + jdk.feature() + "-" + hash + ".aot" : "cds-" + jdk.feature() + "-" + hash + ".jsa";
    }

    private String useOption(Path cache) {
        return aotCache() ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache;
    }

    private List<String> trainingOptions(Path output, Path scratch) {
        // the JDK warns about every class it cannot archive (hundreds: multi-release, proxies…): errors only
        if (aotCache()) {
            return List.of("-XX:AOTCacheOutput=" + output,
                    "-XX:AOTConfiguration=" + scratch.resolve("app.aotconf"), "-Xlog:aot=error", "-Xlog:cds=error");
        }
        return List.of("-XX:ArchiveClassesAtExit=" + output, "-Xlog:cds=error");
    }

    /** {@code -Djarmode=tools extract} once per jar build, into a scratch directory renamed when complete. */
    private Path extracted(Path fatJar, Path directory) throws IOException {
        String name = fatJar.getFileName().toString();
        Path app = directory.resolve("app");
        Path appJar = app.resolve(name);
        if (Files.isRegularFile(appJar)) {
            return appJar;
        }
        Files.createDirectories(directory);
        // jars of earlier builds (running services keep their open files)
        try (Stream<Path> siblings = Files.list(directory.getParent())) {
            for (Path sibling : siblings.filter(p -> !p.equals(directory)).toList()) {
                deleteTree(sibling);
            }
        }
        Path lockFile = directory.resolve("extract.lock");
        synchronized (LOCAL_LOCKS.computeIfAbsent(lockFile, f -> new Object())) {
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (Files.isRegularFile(appJar)) {
                    return appJar;
                }
                deleteMatching(directory, "app."); // left by an extraction killed with its launcher
                Path scratch = directory.resolve("app." + ProcessHandle.current().pid());
                try {
                    extractor.extract(fatJar.toAbsolutePath(), scratch);
                    if (!Files.isRegularFile(scratch.resolve(name))) {
                        throw new IOException("extraction of " + fatJar + " made no " + name);
                    }
                    Files.move(scratch, app, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    deleteTree(scratch);
                }
                return appJar;
            }
        }
    }

    private void extractWithSpringBootTools(Path fatJar, Path destination) throws IOException {
        Path log = destination.resolveSibling("extract.log");
        Process extract = new ProcessBuilder(javaCommand.toString(), "-Djarmode=tools", "-jar", fatJar.toString(),
                "extract", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!extract.waitFor(2, TimeUnit.MINUTES)) {
                extract.destroyForcibly();
                throw new IOException("extraction of " + fatJar + " timed out");
            }
        } catch (InterruptedException e) {
            extract.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + fatJar, e);
        }
        if (extract.exitValue() != 0) {
            throw new IOException("extraction of " + fatJar + " failed (exit " + extract.exitValue() + "): "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
    }

    /** The lock, or null if another process (or another platform in this JVM) holds it. */
    private static FileLock tryLock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
            }
            return lock;
        } catch (OverlappingFileLockException heldHere) {
            channel.close();
            return null;
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            // closing a lock file: nothing to do about it
        }
    }

    private static void deleteMatching(Path directory, String prefix) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteTree(entry);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One start of a service: the jar to run and the JVM options to add; {@link #training()} is non-null when this
     * run writes the cache.
     */
    record Launch(Path jar, List<String> jvmOptions, Training training) {
    }

    /** A training run in progress: holds the training lock until {@link #finish(boolean)}. */
    final class Training {

        private final FileLock lock;
        private final Path scratch;
        private final Path output;
        private final Path cache;
        private final Path app;
        private final List<String> jvmOptions;
        private boolean finished;

        private Training(FileLock lock, Path scratch, Path output, Path cache, Path app, List<String> jvmOptions) {
            this.lock = lock;
            this.scratch = scratch;
            this.output = output;
            this.cache = cache;
            this.app = app;
            this.jvmOptions = jvmOptions;
        }

        Path cache() {
            return cache;
        }

        /** Where the training run writes the cache. */
        Path output() {
            return output;
        }

        /**
         * Called once the training process has exited: if it was stopped gracefully and its output maps, the output
         * becomes the cache (an atomic rename: a concurrent start sees no cache or a whole one). Returns whether it
         * did.
         */
        synchronized boolean finish(boolean graceful) {
            if (finished) {
                return false;
            }
            finished = true;
            try {
                if (graceful && Files.isRegularFile(output) && usable(output)) {
                    Files.move(output, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    return true;
                }
                return false;
            } catch (IOException e) {
                System.err.println("[launcher] JVM cache " + cache + " not kept: " + e);
                return false;
            } finally {
                try {
                    deleteTree(scratch);
                } catch (IOException e) {
                    // removed by the next training run
                }
                release(lock);
            }
        }

        /** A JVM told to fail unless it can map the cache for this class path ({@code -version} runs nothing). */
        private boolean usable(Path candidate) throws IOException {
            List<String> command = new ArrayList<>();
            command.add(javaCommand.toString());
            command.addAll(jvmOptions);
            command.addAll(aotCache() ? List.of("-XX:AOTMode=on", "-XX:AOTCache=" + candidate)
                    : List.of("-Xshare:on", "-XX:SharedArchiveFile=" + candidate));
            command.addAll(List.of("-cp", app.toString(), "-version"));
            Process check = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!check.waitFor(1, TimeUnit.MINUTES)) {
                    check.destroyForcibly();
                    return false;
                }
                return check.exitValue() == 0;
            } catch (InterruptedException e) {
                check.destroyForcibly();
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
