package vn.ocop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time that processes have used so far (user and kernel, from {@code /proc/<pid>/stat}), so that a phase of
 * load can be charged to each process: the difference of two snapshots divided by the work done between them.
 */
record CpuTimes(Map<String, Used> byProcess) {

    /** Milliseconds of CPU in user mode and in the kernel. */
    record Used(double userMs, double systemMs) {

        double totalMs() {
            return userMs + systemMs;
        }

        Used minus(Used earlier) {
            return new Used(userMs - earlier.userMs, systemMs - earlier.systemMs);
        }
    }

    /** Clock ticks per second of utime/stime; 100 on every Linux this runs on (USER_HZ), asked once. */
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    static CpuTimes of(Map<String, Long> pids) {
        Map<String, Used> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            try {
                used.put(name, parseStat(Files.readString(Path.of("/proc/" + pid + "/stat")), TICKS_PER_SECOND));
            } catch (IOException | RuntimeException e) {
                // the process is gone: it is left out of this snapshot and of every difference with it
            }
        });
        return new CpuTimes(used);
    }

    /** What each process used since {@code earlier} (processes missing from either snapshot are left out). */
    CpuTimes since(CpuTimes earlier) {
        Map<String, Used> used = new LinkedHashMap<>();
        byProcess.forEach((name, now) -> {
            Used before = earlier.byProcess.get(name);
            if (before != null) {
                used.put(name, now.minus(before));
            }
        });
        return new CpuTimes(used);
    }

    /** What every process used, together. */
    Used total() {
        return new Used(byProcess.values().stream().mapToDouble(Used::userMs).sum(),
                byProcess.values().stream().mapToDouble(Used::systemMs).sum());
    }

    /** Each process's share of {@code count} units of work (submissions, seconds). */
    CpuTimes per(double count) {
        Map<String, Used> per = new LinkedHashMap<>();
        byProcess.forEach((name, used) -> per.put(name, new Used(used.userMs / count, used.systemMs / count)));
        return new CpuTimes(per);
    }

    /**
     * utime and stime of a {@code /proc/<pid>/stat} line: fields 14 and 15, counted after the command name in
     * parentheses, which may itself contain spaces and parentheses.
     */
    static Used parseStat(String stat, double ticksPerSecond) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields[0] is the state (field 3), so field n is fields[n - 3]
        double utime = Long.parseLong(fields[11]);
        double stime = Long.parseLong(fields[12]);
        return new Used(utime * 1000 / ticksPerSecond, stime * 1000 / ticksPerSecond);
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
