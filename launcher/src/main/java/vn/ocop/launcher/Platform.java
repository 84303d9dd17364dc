package vn.ocop.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.ocop.infra.embedded.EmbeddedKafka;
import vn.ocop.infra.embedded.EmbeddedMongo;

/**
 * The platform as a programmatic API, for system tests and tools: the launcher's in-process Kafka (KRaft) and
 * MongoDB-wire server plus chosen services, each as its own OS process ({@code java -jar <module>.jar}), on free
 * ports by default, with extra environment per service. Faults can be injected: {@link #kill(String)} (SIGKILL),
 * {@link #start(String)}, {@link #stopKafka()} / {@link #startKafka()}, {@link #stopMongo()} / {@link #startMongo()}.
 * {@link #close()} stops everything (and is registered as a JVM shutdown hook, so no child outlives the caller).
 *
 * <pre>{@code
 * try (Platform platform = Platform.builder(Path.of(".")).services(List.of("identity-service", "gateway"))
 *         .environment("identity-service", Map.of("OCOP_BOOTSTRAP_ADMIN_USERNAME", "admin")).start()) {
 *     platform.url("gateway");
 * }
 * }</pre>
 */
public final class Platform implements AutoCloseable {

    /**
     * The JVM options of every service process (the launcher's, without a profile). The heap-free ratios let the
     * serial collector hand back what a service's start left committed (the defaults, 40/70 %, keep up to 70 % of
     * the heap free: ~15 MiB of RSS per service, measured in docs/benchmarks.md).
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=40m", "-Xss512k", "-Xms32m",
            "-Xmx320m", "-XX:MinHeapFreeRatio=15", "-XX:MaxHeapFreeRatio=30", "-XX:-ShrinkHeapInSteps",
            "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

    private final Builder options;
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "ocop-platform-shutdown");
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private volatile boolean closed;

    private Platform(Builder options) {
        this.options = options;
    }

    /** @param home the repository root: jars are read from {@code <home>/<module>/target/<module>.jar} */
    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /** Every service the platform knows, in start order. */
    public static List<String> allServices() {
        return ServiceSpec.ALL.stream().map(ServiceSpec::name).toList();
    }

    private Platform begin() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            Files.createDirectories(options.workDirectory);
            kafka = EmbeddedKafka.persistent(options.workDirectory.resolve("kafka"), 0).start();
            mongo = options.h2Mongo
                    ? EmbeddedMongo.h2(options.workDirectory.resolve("mongo").resolve("ocop.mv"), "127.0.0.1", 0).start()
                    : EmbeddedMongo.memory("127.0.0.1", 0).start();
            for (ServiceSpec spec : ServiceSpec.ALL) {
                if (options.services.contains(spec.name())) {
                    int port = options.standardPorts ? spec.port() : freePort();
                    specs.put(spec.name(), new ServiceSpec(spec.name(), port, spec.usesKafka(), spec.usesMongo(),
                            spec.database()));
                }
            }
            JvmCache jvmCache = options.jvmCache ? new JvmCache() : null;
            for (ServiceSpec spec : specs.values()) {
                List<String> jvm = new ArrayList<>(SERVICE_JVM_OPTIONS);
                jvm.addAll(options.extraJvmOptions.getOrDefault(spec.name(), List.of()));
                processes.put(spec.name(), new ServiceProcess(spec,
                        options.home.resolve(spec.name()).resolve("target").resolve(spec.name() + ".jar"),
                        logFile(spec.name()), environmentFor(spec), jvm, jvmCache));
            }
            ServiceProcess.startAll(List.copyOf(processes.values()));
            awaitReady(options.readyTimeout, processes.keySet().toArray(String[]::new));
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Map<String, String> environmentFor(ServiceSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(spec.port()));
        // glibc's per-thread malloc arenas (64 MB each, reserved lazily) inflate the RSS of a JVM with many threads
        environment.put("MALLOC_ARENA_MAX", "2");
        Optional<ServiceSpec> identity = Optional.ofNullable(specs.get("identity-service"));
        String issuer = identity.map(ServiceSpec::baseUrl).orElse("http://localhost:9000");
        environment.put("OCOP_JWT_ISSUER", issuer);
        environment.put("OCOP_JWT_JWK_SET_URI", issuer + "/oauth2/jwks");
        if (spec.usesKafka()) {
            environment.put("OCOP_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        }
        if (spec.usesMongo()) {
            environment.put("OCOP_MONGODB_URI", mongo.connectionString());
        }
        if (spec.name().equals("gateway")) {
            for (ServiceSpec other : ServiceSpec.ALL) {
                if (!other.name().equals("gateway")) {
                    String variable = "OCOP_" + other.name().replace("-service", "").toUpperCase() + "_URI";
                    // services not started get an unused port: the gateway answers 503 for them
                    environment.put(variable, Optional.ofNullable(specs.get(other.name())).map(ServiceSpec::baseUrl)
                            .orElse("http://localhost:" + unusedPort()));
                }
            }
        }
        environment.putAll(options.environment.getOrDefault(spec.name(), Map.of()));
        return environment;
    }

    private int unusedPortValue;

    private int unusedPort() {
        if (unusedPortValue == 0) {
            unusedPortValue = freePort();
        }
        return unusedPortValue;
    }

    /** Waits until each named service answers its readiness probe UP; fails if one exits or the time runs out. */
    public void awaitReady(Duration timeout, String... services) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> waiting = new ArrayList<>(List.of(services));
        while (!waiting.isEmpty()) {
            for (String name : List.copyOf(waiting)) {
                ServiceProcess process = process(name);
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up; log tail:\n" + logTail(name, 60));
                }
                if (process.isReady()) {
                    waiting.remove(name);
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                StringBuilder tails = new StringBuilder();
                waiting.forEach(name -> tails.append("\n--- ").append(name).append('\n').append(logTail(name, 40)));
                throw new IllegalStateException("not ready after " + timeout + ": " + waiting + tails);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public String url(String service) {
        return spec(service).baseUrl();
    }

    public int port(String service) {
        return spec(service).port();
    }

    public Set<String> services() {
        return specs.keySet();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    public Path logFile(String service) {
        return options.workDirectory.resolve("logs").resolve(service + ".log");
    }

    /** The last {@code lines} lines of a service's log (all its runs). */
    public String logTail(String service, int lines) {
        try {
            Path file = logFile(service);
            if (!Files.exists(file)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    public boolean isAlive(String service) {
        return process(service).isAlive();
    }

    public long pid(String service) {
        return process(service).pid();
    }

    /** Like a crash: SIGKILL, no shutdown hooks, nothing flushed. */
    public void kill(String service) {
        process(service).kill();
    }

    /**
     * Graceful stop (SIGTERM), forced after {@code timeout} (plus up to two minutes if this run of the service is
     * the training run of its JVM cache, which writes the cache on exit).
     */
    public void stop(String service, Duration timeout) {
        process(service).stop(timeout);
    }

    /** Starts a stopped or killed service again (same port, environment and database) and waits until ready. */
    public void start(String service) {
        try {
            process(service).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(options.readyTimeout, service);
    }

    public void restart(String service) {
        stop(service, Duration.ofSeconds(20));
        start(service);
    }

    /** Takes the Kafka broker down (port kept, data kept for {@link #startKafka()}). */
    public void stopKafka() {
        kafka.stop();
    }

    public void startKafka() {
        kafka.start();
    }

    public boolean isKafkaRunning() {
        return kafka.isRunning();
    }

    /** Takes the MongoDB-wire server down: the port closes and every client connection drops; data are kept. */
    public void stopMongo() {
        mongo.stop();
    }

    public void startMongo() {
        mongo.start();
    }

    /**
     * Stops the services (in parallel, SIGTERM then SIGKILL after 10 s, or more for a JVM-cache training run), then
     * Mongo, then Kafka. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        processes.values().parallelStream().forEach(process -> process.stop(Duration.ofSeconds(10)));
        if (mongo != null) {
            mongo.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // called from the hook itself
        }
    }

    private ServiceProcess process(String service) {
        ServiceProcess process = processes.get(service);
        if (process == null) {
            throw new IllegalArgumentException("not started here: " + service + " (started: " + processes.keySet() + ")");
        }
        return process;
    }

    private ServiceSpec spec(String service) {
        ServiceSpec spec = specs.get(service);
        if (spec == null) {
            throw new IllegalArgumentException("not started here: " + service + " (started: " + specs.keySet() + ")");
        }
        return spec;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options of a {@link Platform}; {@link #start()} starts it and returns once every service is ready. */
    public static final class Builder {

        private final Path home;
        private Path workDirectory;
        private List<String> services = allServices();
        private final Map<String, Map<String, String>> environment = new LinkedHashMap<>();
        private final Map<String, List<String>> extraJvmOptions = new LinkedHashMap<>();
        private boolean standardPorts;
        private boolean h2Mongo;
        private Duration readyTimeout = Duration.ofSeconds(180);
        private boolean jvmCache = JvmCache.enabledByEnvironment();

        private Builder(Path home) {
            this.home = home.toAbsolutePath().normalize();
        }

        /** Kafka logs, the Mongo file (H2) and the service logs ({@code logs/<service>.log}); default: a temp dir. */
        public Builder workDirectory(Path directory) {
            this.workDirectory = directory.toAbsolutePath();
            return this;
        }

        public Builder services(List<String> names) {
            for (String name : names) {
                if (!allServices().contains(name)) {
                    throw new IllegalArgumentException("unknown service " + name);
                }
            }
            this.services = List.copyOf(names);
            return this;
        }

        /** Extra environment variables of one service (they win over the platform's own). */
        public Builder environment(String service, Map<String, String> variables) {
            environment.computeIfAbsent(service, s -> new LinkedHashMap<>()).putAll(variables);
            return this;
        }

        /** Extra JVM options of one service, e.g. {@code -Dspring.profiles.active=embedded}. */
        public Builder jvmOptions(String service, List<String> jvmOptions) {
            extraJvmOptions.computeIfAbsent(service, s -> new ArrayList<>()).addAll(jvmOptions);
            return this;
        }

        /** Use the standard ports (8080, 9000, 8081…) instead of free ones. */
        public Builder standardPorts(boolean standard) {
            this.standardPorts = standard;
            return this;
        }

        /** H2 file backend for the Mongo-wire server instead of memory. */
        public Builder h2Mongo(boolean h2) {
            this.h2Mongo = h2;
            return this;
        }

        /**
         * Run each service from its extracted jar with a JVM class-data cache (the AOT cache on JDK 25+, AppCDS
         * before), trained by the first start after a build and written when that run stops: later starts are
         * faster. On by default unless the environment variable {@code OCOP_JVM_CACHE} is {@code off}.
         */
        public Builder jvmCache(boolean enabled) {
            this.jvmCache = enabled;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        public Platform start() {
            if (workDirectory == null) {
                try {
                    workDirectory = Files.createTempDirectory("ocop-platform-");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Platform(this).begin();
        }
    }
}
