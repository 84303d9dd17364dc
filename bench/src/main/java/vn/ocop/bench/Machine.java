package vn.ocop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine and the processes: cores, CPU model, JDK, RSS from /proc, heap from a service's Prometheus page. */
final class Machine {

    private static final Pattern HEAP_USED = Pattern.compile(
            "^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*}\\s+([0-9.eE+-]+)", Pattern.MULTILINE);

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> l.substring(9).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + Runtime.version();
    }

    /** VmRSS of a process in MiB, or NaN if it is gone. */
    static double rssMiB(long pid) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Heap used in MiB: the sum of jvm_memory_used_bytes{area="heap"} on the service's /actuator/prometheus. */
    static double heapUsedMiB(Http http) {
        Http.Response page = http.get("/actuator/prometheus", null);
        if (page.status() != 200) {
            return Double.NaN;
        }
        return heapFromPrometheus(page.body());
    }

    static double heapFromPrometheus(String text) {
        Matcher matcher = HEAP_USED.matcher(text);
        double sum = 0;
        boolean any = false;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
            any = true;
        }
        return any ? sum / (1024.0 * 1024.0) : Double.NaN;
    }

    static double ownHeapUsedMiB() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
    }

    /** Starts a JFR recording in a process (jcmd, from the running JDK), written to {@code file} when it ends. */
    static String startJfr(long pid, String name, Path file, String duration) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "JFR.start", "name=" + name,
                    "settings=profile", "duration=" + duration, "filename=" + file.toAbsolutePath())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output.trim();
        } catch (IOException e) {
            return "jcmd failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
