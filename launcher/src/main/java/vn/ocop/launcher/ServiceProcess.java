package vn.ocop.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service running as a child JVM ({@code java -jar <module>.jar}), its output appended to a log file. One
 * process per service keeps each Spring context on its own class path (no service sees another's
 * auto-configuration) and lets one service be stopped and started alone.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceSpec spec;
    private final Path jar;
    private final Path logFile;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private Process process;
    private Instant startedAt;
    private long logOffsetAtStart;

    ServiceProcess(ServiceSpec spec, Path jar, Path logFile, Map<String, String> environment, List<String> jvmOptions) {
        this.spec = spec;
        this.jar = jar;
        this.logFile = logFile;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    ServiceSpec spec() {
        return spec;
    }

    synchronized void start() throws IOException {
        if (isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException("missing " + jar + ": build it first (./mvnw -B -DskipTests package)");
        }
        Files.createDirectories(logFile.getParent());
        logOffsetAtStart = Files.exists(logFile) ? Files.size(logFile) : 0;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        startedAt = Instant.now();
        process = builder.start();
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    Instant startedAt() {
        return startedAt;
    }

    /** What the service has logged since its last start. */
    String logSinceStart() throws IOException {
        if (!Files.exists(logFile)) {
            return "";
        }
        byte[] all = Files.readAllBytes(logFile);
        int from = (int) Math.min(logOffsetAtStart, all.length);
        return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True once the readiness probe answers UP (Kafka and Mongo included where the service uses them). */
    boolean isReady() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(spec.baseUrl() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Graceful stop (SIGTERM: Spring finishes requests in flight), forced after the timeout. */
    synchronized void stop(Duration timeout) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Like a crash: SIGKILL, no shutdown hooks. For fault tests. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
