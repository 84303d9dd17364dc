package vn.ocop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every scale of the benchmark is a parameter: {@code --name=value} on the command line or {@code -Dbench.name=value};
 * the defaults are the real values; {@code --smoke} sets small ones (a quick check that everything works,
 * not a measurement to publish).
 */
public final class Options {

    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    static final Map<String, String> SMOKE = new LinkedHashMap<>();

    static {
        DEFAULTS.put("home", ".");
        DEFAULTS.put("out", "bench/target");
        DEFAULTS.put("scenarios", "footprint,intake,events,rating,reminders,rebuild");
        DEFAULTS.put("reps", "3");
        DEFAULTS.put("ready-reps", "3");
        DEFAULTS.put("warmup-s", "5");
        DEFAULTS.put("platform-warmup-s", "60");
        DEFAULTS.put("measure-s", "15");
        DEFAULTS.put("rates", "100,200,300,500,700,900");
        DEFAULTS.put("p99-target-ms", "50");
        DEFAULTS.put("max-in-flight", "256");
        DEFAULTS.put("seed-concurrency", "12");
        DEFAULTS.put("event-rate", "200");
        DEFAULTS.put("event-s", "20");
        DEFAULTS.put("rating-cases", "20");
        DEFAULTS.put("reminders", "100000");
        DEFAULTS.put("email-poll-interval", "PT0.1S");
        DEFAULTS.put("rebuild-events", "1000000");
        DEFAULTS.put("rebuild-reps", "3");
        DEFAULTS.put("live-sample", "20000");
        DEFAULTS.put("jfr-rebuild", "false");
        DEFAULTS.put("update-docs", "auto");
        DEFAULTS.put("required-documents", "");
        DEFAULTS.put("jfr", "");
        DEFAULTS.put("jfr-duration", "60s");
        DEFAULTS.put("settle-timeout-s", "300");
        DEFAULTS.put("smoke", "false");
        DEFAULTS.put("service-jvm", "");
        DEFAULTS.put("service-jvm-services", "");

        SMOKE.put("reps", "2");
        SMOKE.put("ready-reps", "1");
        SMOKE.put("warmup-s", "1");
        SMOKE.put("platform-warmup-s", "3");
        SMOKE.put("measure-s", "3");
        SMOKE.put("rates", "50,100");
        SMOKE.put("event-rate", "50");
        SMOKE.put("event-s", "4");
        SMOKE.put("rating-cases", "2");
        SMOKE.put("reminders", "800");
        SMOKE.put("rebuild-events", "20000");
        SMOKE.put("rebuild-reps", "2");
        SMOKE.put("live-sample", "3000");
        SMOKE.put("settle-timeout-s", "120");
    }

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    private final List<String> arguments;

    public Options(String... args) {
        this.arguments = List.of(args);
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : DEFAULTS.keySet()) {
            String property = System.getProperty("bench." + name);
            if (property != null) {
                given.put(name, property);
            }
        }
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument " + arg + " (options are --name=value)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            String value = eq < 0 ? "true" : arg.substring(eq + 1);
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + DEFAULTS.keySet());
            }
            given.put(name, value);
        }
        if (Boolean.parseBoolean(given.getOrDefault("smoke", "false"))) {
            values.putAll(SMOKE);
        }
        values.putAll(given);
    }

    public String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no option " + name);
        }
        return value;
    }

    public int integer(String name) {
        return Integer.parseInt(get(name).replace("_", ""));
    }

    public Duration seconds(String name) {
        return Duration.ofMillis((long) (Double.parseDouble(get(name)) * 1000));
    }

    public List<Integer> integers(String name) {
        return Arrays.stream(get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt)
                .toList();
    }

    public Set<String> set(String name) {
        return Set.copyOf(Arrays.stream(get(name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    public boolean smoke() {
        return Boolean.parseBoolean(get("smoke"));
    }

    public Path home() {
        return Path.of(get("home")).toAbsolutePath().normalize();
    }

    public Path out() {
        Path out = Path.of(get("out"));
        return (out.isAbsolute() ? out : home().resolve(out)).normalize();
    }

    public Map<String, String> effective() {
        return Map.copyOf(values);
    }

    public String commandLine() {
        return "java -jar bench/target/bench.jar" + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments));
    }
}
