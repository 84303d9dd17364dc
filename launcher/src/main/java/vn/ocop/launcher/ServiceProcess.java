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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final JvmCache jvmCache;
    private Process process;
    private JvmCache.Launch launch;
    private List<String> command = List.of();
    private Instant startedAt;
    private long logOffsetAtStart;

    /** @param jvmCache null to run the fat jar as it is */
    ServiceProcess(ServiceSpec spec, Path jar, Path logFile, Map<String, String> environment, List<String> jvmOptions,
            JvmCache jvmCache) {
        this.spec = spec;
        this.jar = jar;
        this.logFile = logFile;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
        this.jvmCache = jvmCache;
    }

    /** Starts the processes side by side: a first start extracts each jar, which takes seconds. */
    static void startAll(List<ServiceProcess> processes) throws IOException {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Void>> starts = new ArrayList<>();
            for (ServiceProcess process : processes) {
                starts.add(executor.submit(() -> {
                    process.start();
                    return null;
                }));
            }
            for (Future<Void> start : starts) {
                try {
                    start.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting the services", e);
                }
            }
        }
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
        startedAt = Instant.now();
        finishTraining(false); // a training run that ended on its own: its cache is not trusted
        launch = jvmCache == null ? new JvmCache.Launch(jar, List.of(), null) : jvmCache.prepare(jar, jvmOptions);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            finishTraining(false);
            throw e;
        }
        this.command = List.copyOf(command);
    }

    /** The command line of the last start. */
    synchronized List<String> command() {
        return command;
    }

    /** True while the running process is the training run of its JVM cache (its stop takes longer). */
    synchronized boolean isTraining() {
        return isAlive() && launch != null && launch.training() != null;
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

    /**
     * Graceful stop (SIGTERM: Spring finishes requests in flight), forced after the timeout. A training run gets
     * {@link JvmCache#TRAINING_EXIT_ALLOWANCE} more, as it writes its JVM cache on the way out.
     */
    synchronized void stop(Duration timeout) {
        if (process == null) {
            return;
        }
        boolean training = isTraining();
        boolean graceful = false;
        process.destroy();
        try {
            graceful = process.waitFor(
                    (training ? timeout.plus(JvmCache.TRAINING_EXIT_ALLOWANCE) : timeout).toMillis(),
                    TimeUnit.MILLISECONDS);
            if (!graceful) {
                destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyForcibly();
        } finally {
            finishTraining(graceful && training);
        }
    }

    /** Like a crash: SIGKILL, no shutdown hooks. For fault tests. */
    synchronized void kill() {
        if (process != null) {
            try {
                destroyForcibly();
            } finally {
                finishTraining(false);
            }
        }
    }

    /** SIGKILL to the process and to what it started (a JDK 25 training run assembles its cache in a child JVM). */
    private void destroyForcibly() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finishTraining(boolean graceful) {
        if (launch != null && launch.training() != null) {
            launch.training().finish(graceful);
        }
    }
}
