package vn.ocop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.ocop.launcher.Platform;

/**
 * The benchmark runner: starts the platform through the launcher's Platform API, runs the chosen scenarios with
 * their same-run baselines, and writes {@code bench-report.md} and {@code bench-report.json}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Report report = new Report();
        report.meta("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .meta("command", "JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -pl bench -am package "
                        + "-DskipTests && $JAVA_HOME/bin/java " + String.join(" ", jvmArguments()) + " -jar "
                        + "bench/target/bench.jar" + (args.length == 0 ? "" : " " + String.join(" ", args)))
                .meta("mode", options.smoke() ? "SMOKE (small counts: checks that the runner works; not figures to "
                        + "publish)" : "full")
                .meta("machine", Machine.cores() + " cores (Runtime.availableProcessors), " + Machine.cpuModel()
                        + ", RAM " + Machine.memTotal())
                .meta("JDK (bench + services)", Machine.jdk())
                .meta("launcher JVM (`./ocop start`, the footprint rows): launcher/jvm.options",
                        launcherJvmOptions(options.home()))
                .meta("bench JVM (hosts Kafka + Mongo-wire for the load scenarios)", String.join(" ", jvmArguments()))
                .meta("service JVM options (Platform.SERVICE_JVM_OPTIONS)", String.join(" ", Platform.SERVICE_JVM_OPTIONS))
                .meta("options", new java.util.TreeMap<>(options.effective()).toString());
        report.detail("options", options.effective());
        Scenarios scenarios = new Scenarios(options, report);
        int exit = 0;
        try {
            scenarios.runAll();
        } catch (Exception e) {
            exit = 1;
            report.note("The run stopped with an error: " + e);
            e.printStackTrace();
        } finally {
            scenarios.close();
            Path out = options.out();
            report.write(out);
            String update = options.get("update-docs");
            if (update.equals("true") || (update.equals("auto") && !options.smoke() && exit == 0)) {
                Path docs = options.home().resolve("docs").resolve("benchmarks.md");
                java.nio.file.Files.createDirectories(docs.getParent());
                String existing = java.nio.file.Files.exists(docs) ? java.nio.file.Files.readString(docs) : null;
                java.nio.file.Files.writeString(docs, docsPage(existing, report.markdown(),
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
                System.out.println("[bench] " + docs + " updated");
            }
            System.out.println(report.markdown());
            System.out.println("[bench] report written to " + out.resolve("bench-report.md") + " and .json");
        }
        System.exit(exit);
    }

    private static final String LATEST = "## Latest full run";

    /**
     * docs/benchmarks.md after a full run: the page above its "Latest full run" section as it was (the method,
     * kept by hand), then this run's report with its headings one level down as the new "Latest full run", then
     * the rest of the page as it was, its former latest run renamed "Full run": earlier runs and the notes written
     * by hand about them stay.
     */
    static String docsPage(String existing, String reportMarkdown, java.time.LocalDate day) {
        String page = existing == null ? "# Benchmarks\n" : existing;
        int newline = page.indexOf("\n" + LATEST);
        int at = page.startsWith(LATEST) ? 0 : newline < 0 ? -1 : newline + 1;
        String head = at < 0 ? page : page.substring(0, at);
        String earlier = at < 0 ? "" : "## Full run" + page.substring(at + LATEST.length());
        String body = reportMarkdown.substring(reportMarkdown.indexOf('\n') + 1).replace("\n## ", "\n### ");
        return head.stripTrailing() + "\n\n" + LATEST + " (" + day + ")\n" + body.stripTrailing() + "\n"
                + (earlier.isEmpty() ? "" : "\n" + earlier);
    }

    static List<String> jvmArguments() {
        List<String> arguments = new ArrayList<>(java.lang.management.ManagementFactory.getRuntimeMXBean()
                .getInputArguments());
        arguments.removeIf(a -> a.startsWith("-Dbench.") || a.startsWith("-javaagent") || a.startsWith("-agentlib"));
        return arguments;
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return map;
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** The launcher's JVM options as `./ocop start` passes them (the @argfile without its comments). */
    private static String launcherJvmOptions(Path home) {
        try {
            return Files.readAllLines(home.resolve("launcher/jvm.options")).stream()
                    .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.joining(" "));
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
