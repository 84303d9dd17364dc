package vn.ocop.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options, {@code --name=value}.
 *
 * @param home the repository root: service jars are read from {@code <home>/<module>/target/<module>.jar}
 * @param dataDirectory Kafka logs, the Mongo H2 file and service logs; kept across restarts
 * @param services the services to start (all by default)
 * @param jvmCache run the services with a JVM class-data cache ({@code --jvm-cache=off} or
 *        {@code OCOP_JVM_CACHE=off} to not)
 * @param serviceJvmOptions added after {@link Platform#SERVICE_JVM_OPTIONS} for every service (a later option wins):
 *        {@code --service-jvm="-XX:TieredStopAtLevel=4 …"}, else {@code OCOP_SERVICE_JVM_OPTIONS}
 */
record LauncherOptions(Path home, Path dataDirectory, int kafkaPort, int mongoPort, Set<String> services,
        Duration readyTimeout, boolean interactive, boolean jvmCache, List<String> serviceJvmOptions) {

    static final String SERVICE_JVM_VARIABLE = "OCOP_SERVICE_JVM_OPTIONS";

    static LauncherOptions parse(String[] args) {
        return parse(args, System.getenv(SERVICE_JVM_VARIABLE));
    }

    static LauncherOptions parse(String[] args, String serviceJvmFromEnvironment) {
        Path home = Path.of(".");
        Path data = null;
        int kafkaPort = 9092;
        int mongoPort = 27017;
        Set<String> services = new LinkedHashSet<>();
        ServiceSpec.ALL.forEach(spec -> services.add(spec.name()));
        Duration readyTimeout = Duration.ofSeconds(120);
        boolean interactive = System.console() != null;
        boolean jvmCache = JvmCache.enabledByEnvironment();
        List<String> serviceJvm = jvmOptions(serviceJvmFromEnvironment);
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            String value = pair.length == 2 ? pair[1] : "";
            switch (pair[0]) {
                case "--home" -> home = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(value);
                case "--mongo-port" -> mongoPort = Integer.parseInt(value);
                case "--services" -> {
                    services.clear();
                    services.addAll(List.of(value.split(",")));
                }
                case "--ready-timeout" -> readyTimeout = Duration.ofSeconds(Long.parseLong(value));
                case "--no-console" -> interactive = false;
                case "--jvm-cache" -> jvmCache = JvmCache.enabled(value);
                case "--service-jvm" -> serviceJvm = jvmOptions(value);
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (known: --home --data --kafka-port --mongo-port --services --ready-timeout --no-console"
                        + " --jvm-cache=on|off --service-jvm=\"<JVM options>\")");
            }
        }
        for (String name : services) {
            if (ServiceSpec.ALL.stream().noneMatch(spec -> spec.name().equals(name))) {
                throw new IllegalArgumentException("unknown service " + name);
            }
        }
        home = home.toAbsolutePath().normalize();
        return new LauncherOptions(home, data == null ? home.resolve("data") : data.toAbsolutePath(), kafkaPort,
                mongoPort, services, readyTimeout, interactive, jvmCache, serviceJvm);
    }

    /** Space-separated JVM options; each must start with {@code -} (a stray word would become the main class). */
    static List<String> jvmOptions(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> options = List.of(text.trim().split("\\s+"));
        for (String option : options) {
            if (!option.startsWith("-")) {
                throw new IllegalArgumentException("not a JVM option: " + option + " (in --service-jvm / "
                        + SERVICE_JVM_VARIABLE + ")");
            }
        }
        return options;
    }
}
