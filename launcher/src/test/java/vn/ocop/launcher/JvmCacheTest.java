package vn.ocop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM cache with real JVMs on a tiny application (compiled here) that prints {@code ready} and waits: training
 * on the first start, the cache on the next, nothing kept from a killed or broken training run. The fat-jar
 * extraction is replaced by a copy (the tiny jar runs as it is); the Spring Boot one is exercised by the bench.
 */
class JvmCacheTest {

    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx64m");
    private static final Runtime.Version JDK_21 = Runtime.Version.parse("21.0.5+11");

    @TempDir
    static Path classes;

    @TempDir
    Path home;

    @BeforeAll
    static void compileApplication() throws IOException {
        Path source = classes.resolve("App.java");
        Files.writeString(source, """
                public class App {
                    public static void main(String[] args) throws Exception {
                        System.out.println(new java.util.TreeMap<>(java.util.Map.of("state", "ready")));
                        new java.util.concurrent.CountDownLatch(1).await();
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();
    }

    @Test
    void theSwitchIsOnUnlessSaidOff() {
        assertThat(JvmCache.enabled(null)).isTrue();
        assertThat(JvmCache.enabled("on")).isTrue();
        assertThat(JvmCache.enabled("off")).isFalse();
        assertThat(JvmCache.enabled(" OFF ")).isFalse();
        assertThat(JvmCache.enabled("false")).isFalse();
    }

    @Test
    void withoutTheCacheTheFatJarRunsAsBefore() throws IOException {
        Path jar = applicationJar("demo");
        ServiceProcess process = process(jar, null);
        try {
            process.start();
            assertThat(process.command()).endsWith("-jar", jar.toString())
                    .noneMatch(option -> option.startsWith("-XX:AOT") || option.startsWith("-XX:SharedArchive")
                            || option.startsWith("-XX:ArchiveClasses"));
            awaitReady(process);
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
        assertThat(jar.resolveSibling("jvm-cache")).doesNotExist();
    }

    @Test
    void theFirstStartTrainsTheAotCacheAndTheNextUsesIt() throws IOException {
        assumeJdk25();
        Path jar = applicationJar("demo");
        JvmCache jvmCache = new JvmCache(java(), Runtime.version(), JvmCacheTest::copy);
        ServiceProcess process = process(jar, jvmCache);
        Path cache;
        try {
            process.start();
            Path app = jar.resolveSibling("jvm-cache").resolve(JvmCache.key(jar)).resolve("app").resolve("demo.jar");
            assertThat(process.command()).endsWith("-jar", app.toString())
                    .anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
            assertThat(process.isTraining()).isTrue();
            awaitReady(process);
            cache = app.getParent().resolveSibling(jvmCache.cacheName(JVM_OPTIONS));
            assertThat(cache).doesNotExist();
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
        assertThat(cache).isRegularFile();
        assertThat(trainingDirectories(cache.getParent())).isEmpty();

        try {
            process.start();
            assertThat(process.command()).contains("-XX:AOTCache=" + cache)
                    .noneMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
            assertThat(process.isTraining()).isFalse();
            awaitReady(process);
            assertThat(process.logSinceStart()).doesNotContain("AOT cache");
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void beforeJdk25ItIsAnAppCdsArchive() throws IOException {
        // JDK 25 still runs the AppCDS options that JDK 21-24 get, so this is a real round trip
        Path jar = applicationJar("demo");
        JvmCache jdk21 = new JvmCache(java(), JDK_21, JvmCacheTest::copy);
        ServiceProcess process = process(jar, jdk21);
        Path cache = jar.resolveSibling("jvm-cache").resolve(JvmCache.key(jar)).resolve(jdk21.cacheName(JVM_OPTIONS));
        assertThat(cache.getFileName().toString()).startsWith("cds-21-").endsWith(".jsa");
        try {
            process.start();
            assertThat(process.command()).anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="))
                    .noneMatch(option -> option.startsWith("-XX:AOT"));
            awaitReady(process);
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
        assertThat(cache).isRegularFile();
        try {
            process.start();
            assertThat(process.command()).contains("-XX:SharedArchiveFile=" + cache)
                    .noneMatch(option -> option.startsWith("-XX:AOT"));
            awaitReady(process);
        } finally {
            process.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void aKilledTrainingRunLeavesNoCacheAndTheNextStartTrainsAgain() throws IOException {
        Path jar = applicationJar("demo");
        ServiceProcess process = process(jar, new JvmCache(java(), Runtime.version(), JvmCacheTest::copy));
        Path directory = jar.resolveSibling("jvm-cache").resolve(JvmCache.key(jar));
        try {
            process.start();
            awaitReady(process);
            process.kill();
            assertThat(cacheFiles(directory)).isEmpty();
            assertThat(trainingDirectories(directory)).isEmpty();

            process.start();
            assertThat(process.isTraining()).isTrue();
        } finally {
            process.kill();
        }
        assertThat(cacheFiles(directory)).isEmpty();
    }

    @Test
    void aBrokenTrainingOutputIsNotKept() throws IOException {
        Path jar = applicationJar("demo");
        JvmCache jvmCache = new JvmCache(java(), Runtime.version(), JvmCacheTest::copy);
        JvmCache.Launch launch = jvmCache.prepare(jar, JVM_OPTIONS);
        assertThat(launch.training()).isNotNull();
        // what a training run cut short while writing leaves: the start of a cache
        Files.write(launch.training().output(), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 0, 0, 0, 1});

        assertThat(launch.training().finish(true)).isFalse();
        assertThat(launch.training().cache()).doesNotExist();
        // the training lock is released: the next start trains
        JvmCache.Launch next = jvmCache.prepare(jar, JVM_OPTIONS);
        assertThat(next.training()).isNotNull();
        next.training().finish(false);
    }

    @Test
    void whileOneStartTrainsAnotherRunsTheExtractedJarWithoutCache() throws IOException {
        Path jar = applicationJar("demo");
        JvmCache jvmCache = new JvmCache(java(), Runtime.version(), JvmCacheTest::copy);
        JvmCache.Launch first = jvmCache.prepare(jar, JVM_OPTIONS);
        try {
            JvmCache.Launch second = new JvmCache(java(), Runtime.version(), JvmCacheTest::copy).prepare(jar,
                    JVM_OPTIONS);
            assertThat(second.training()).isNull();
            assertThat(second.jvmOptions()).isEmpty();
            assertThat(second.jar()).isEqualTo(first.jar());
        } finally {
            first.training().finish(false);
        }
    }

    @Test
    void aRebuiltJarGetsAFreshExtractionAndTheOldOneIsRemoved() throws IOException {
        Path jar = applicationJar("demo");
        JvmCache jvmCache = new JvmCache(java(), Runtime.version(), JvmCacheTest::copy);
        String before = JvmCache.key(jar);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1_000));
        assertThat(JvmCache.key(jar)).as("the same content written again (a reproducible rebuild)").isEqualTo(before);
        JvmCache.Launch first = jvmCache.prepare(jar, JVM_OPTIONS);
        first.training().finish(false);

        Files.writeString(jar.resolveSibling("extra.txt"), "rebuilt");
        rewriteJar(jar, jar.resolveSibling("extra.txt"));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2_000));
        String after = JvmCache.key(jar);
        assertThat(after).isNotEqualTo(before);

        JvmCache.Launch second = jvmCache.prepare(jar, JVM_OPTIONS);
        second.training().finish(false);
        assertThat(second.jar()).isNotEqualTo(first.jar()).isRegularFile();
        assertThat(jar.resolveSibling("jvm-cache").resolve(before)).doesNotExist();
    }

    @Test
    void theCacheNameDependsOnTheJdkAndTheJvmOptions() {
        JvmCache jdk25 = new JvmCache(java(), Runtime.Version.parse("25.0.1+8"), JvmCacheTest::copy);
        assertThat(jdk25.cacheName(JVM_OPTIONS)).startsWith("aot-25-").endsWith(".aot")
                .isNotEqualTo(jdk25.cacheName(List.of("-XX:+UseG1GC")))
                .isNotEqualTo(new JvmCache(java(), Runtime.Version.parse("25.0.2+10"), null).cacheName(JVM_OPTIONS));
    }

    private ServiceProcess process(Path jar, JvmCache jvmCache) {
        return new ServiceProcess(new ServiceSpec("demo", 1, false, false, null), jar,
                home.resolve("logs").resolve("demo.log"), Map.of(), JVM_OPTIONS, jvmCache);
    }

    private static void awaitReady(ServiceProcess process) {
        await().atMost(Duration.ofSeconds(30)).until(() -> process.logSinceStart().contains("{state=ready}"));
    }

    private Path applicationJar(String name) throws IOException {
        Path jar = home.resolve(name).resolve("target").resolve(name + ".jar");
        Files.createDirectories(jar.getParent());
        rewriteJar(jar);
        return jar;
    }

    private static void rewriteJar(Path jar, Path... extraFiles) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "App");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("App.class"));
            out.write(Files.readAllBytes(classes.resolve("App.class")));
            for (Path extra : extraFiles) {
                out.putNextEntry(new JarEntry(extra.getFileName().toString()));
                out.write(Files.readString(extra).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static void copy(Path fatJar, Path destination) throws IOException {
        Files.createDirectories(destination);
        Files.copy(fatJar, destination.resolve(fatJar.getFileName()));
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static List<Path> trainingDirectories(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("training-")).toList();
        }
    }

    private static List<Path> cacheFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.toString().endsWith(".aot") || p.toString().endsWith(".jsa")).toList();
        }
    }

    private static void assumeJdk25() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
    }
}
