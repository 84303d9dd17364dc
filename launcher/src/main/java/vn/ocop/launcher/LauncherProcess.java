package vn.ocop.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The launcher in a JVM of its own, started as {@code ./ocop start} starts it ({@code launcher/jvm.options}, the
 * launcher jar, no console): for the bench's start-time and footprint figures and the test of that command. Its
 * output goes to a file; {@link #close()} stops it as Ctrl-C does (SIGTERM, services first).
 */
public final class LauncherProcess implements AutoCloseable {

    private static final String READY_LINE = "Platform up in ";

    private final Process process;
    private final Thread outputCopier;
    private final Duration readyIn;

    private LauncherProcess(Process process, Thread outputCopier, Duration readyIn) {
        this.process = process;
        this.outputCopier = outputCopier;
        this.readyIn = readyIn;
    }

    /**
     * Starts the launcher and returns once it has printed that every service is ready.
     *
     * @param home      the repository root (jars under {@code <module>/target}, options in {@code launcher/})
     * @param arguments launcher options after {@code --no-console}, e.g. {@code --data=DIR}
     * @throws IllegalStateException if it exits, reports a service that did not start, or is not ready in time
     */
    public static LauncherProcess start(Path home, List<String> arguments, Path output, Duration timeout) {
        List<String> command = new ArrayList<>(List.of(javaOfThisJvm(), "@" + home.resolve("launcher/jvm.options"),
                "-jar", home.resolve("launcher/target/launcher.jar").toString(), "--no-console",
                "--home=" + home.toAbsolutePath()));
        command.addAll(arguments);
        long begin = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(output.toAbsolutePath().getParent());
            process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Duration> ready = new CompletableFuture<>();
        Thread copier = new Thread(() -> copyOutput(process, output, ready, begin), "launcher-output");
        copier.setDaemon(true);
        copier.start();
        try {
            return new LauncherProcess(process, copier, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            stop(process);
            throw new IllegalStateException("the launcher did not report ready within " + timeout + " ("
                    + (e.getCause() == null ? e : e.getCause().getMessage()) + "); its output: " + output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new IllegalStateException("interrupted while the launcher started", e);
        }
    }

    private static void copyOutput(Process process, Path output, CompletableFuture<Duration> ready, long begin) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                file.write(line);
                file.write('\n');
                file.flush();
                if (line.startsWith("!! ")) {
                    ready.completeExceptionally(new IllegalStateException(line));
                } else if (line.startsWith(READY_LINE)) {
                    ready.complete(Duration.ofNanos(System.nanoTime() - begin));
                }
            }
            ready.completeExceptionally(new IllegalStateException("the launcher exited"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static String javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** From the start of the launcher's JVM to its line saying every service is ready. */
    public Duration readyIn() {
        return readyIn;
    }

    public long pid() {
        return process.pid();
    }

    /** One service JVM the launcher runs: its name, process id and base URL (the launcher's standard ports). */
    public record Service(String name, long pid, String url) {
    }

    /** The service JVMs the launcher runs (recognised by their jar's name), in start order. */
    public List<Service> services() {
        List<Service> services = new ArrayList<>();
        List<ProcessHandle> children = process.children().toList();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            for (ProcessHandle child : children) {
                if (child.info().commandLine().orElse("").contains("/" + spec.name() + ".jar")) {
                    services.add(new Service(spec.name(), child.pid(), spec.baseUrl()));
                }
            }
        }
        return services;
    }

    /**
     * Stops it as Ctrl-C does and waits for it (the services stop first; forcibly after two minutes) and for the
     * last of its output to reach the file.
     */
    @Override
    public void close() {
        stop(process);
        try {
            outputCopier.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(Process process) {
        // the handle's destroy, not Process.destroy(): that one also closes the pipe, losing the launcher's last lines
        process.toHandle().destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
