package vn.ocop.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import vn.ocop.infra.embedded.EmbeddedKafka;
import vn.ocop.infra.embedded.EmbeddedMongo;

/**
 * The embedded all-in-one: a real Kafka broker (KRaft) and a MongoDB-wire server (H2 file backend) in this
 * JVM, every service as a child JVM on its own port and database. Data lives under {@code data/} and survives
 * restarts. Ctrl-C stops the services first, then the servers they use.
 */
public final class Launcher {

    private static final List<String> SERVICE_JVM_OPTIONS = java.util.stream.Stream.concat(
            Platform.SERVICE_JVM_OPTIONS.stream(), java.util.stream.Stream.of("-Dspring.profiles.active=embedded"))
            .toList();

    private final LauncherOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private volatile boolean stopping;

    Launcher(LauncherOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("ocop.log-level", "warn"));
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        Launcher launcher = new Launcher(LauncherOptions.parse(args));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "launcher-shutdown"));
        launcher.start();
        launcher.superviseUntilStopped();
    }

    void start() throws Exception {
        Instant begin = Instant.now();
        Files.createDirectories(options.dataDirectory());
        say("OCOP Platform — embedded mode; data in " + options.dataDirectory());
        // The services' MongoDB client gives up after 1.5 s, so the Mongo-wire server (under a second) is up
        // first. The broker (several seconds) starts beside the services when its port is known in advance: a
        // service spends its first seconds loading classes and building its context before it reaches Kafka,
        // and its Kafka clients retry until the broker answers.
        mongo = EmbeddedMongo.h2(options.dataDirectory().resolve("mongo").resolve("ocop.mv"), "127.0.0.1",
                options.mongoPort()).start();
        CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(() -> kafka = EmbeddedKafka.persistent(
                options.dataDirectory().resolve("kafka"), options.kafkaPort()).start(), Launcher::startDaemon);
        if (options.kafkaPort() == 0) {
            awaitKafka(kafkaStarted);
        }
        String kafkaAddress = options.kafkaPort() == 0 ? kafka.bootstrapServers() : EmbeddedKafka.HOST + ":" + options.kafkaPort();

        JvmCache jvmCache = options.jvmCache() ? new JvmCache() : null;
        List<String> jvmOptions = new ArrayList<>(SERVICE_JVM_OPTIONS);
        jvmOptions.addAll(options.serviceJvmOptions());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (options.services().contains(spec.name())) {
                services.add(new ServiceProcess(spec,
                        options.home().resolve(spec.name()).resolve("target").resolve(spec.name() + ".jar"),
                        options.dataDirectory().resolve("logs").resolve(spec.name() + ".log"),
                        environmentFor(spec, kafkaAddress), jvmOptions, jvmCache));
            }
        }
        ServiceProcess.startAll(services);
        awaitKafka(kafkaStarted);
        say("Kafka (KRaft) on " + kafka.bootstrapServers() + ", MongoDB wire protocol on " + mongo.connectionString());
        awaitReady();
        printDemoAccounts();
        printTable(Duration.between(begin, Instant.now()));
    }

    private static void awaitKafka(CompletableFuture<Void> started) throws Exception {
        try {
            started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void startDaemon(Runnable task) {
        Thread thread = new Thread(task, "kafka-start");
        thread.setDaemon(true);
        thread.start();
    }

    private Map<String, String> environmentFor(ServiceSpec spec, String kafkaAddress) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(spec.port()));
        environment.put("MALLOC_ARENA_MAX", "2");
        environment.put("OCOP_JWT_ISSUER", "http://localhost:9000");
        environment.put("OCOP_JWT_JWK_SET_URI", "http://localhost:9000/oauth2/jwks");
        if (spec.usesKafka()) {
            environment.put("OCOP_KAFKA_BOOTSTRAP_SERVERS", kafkaAddress);
        }
        if (spec.usesMongo()) {
            environment.put("OCOP_MONGODB_URI", mongo.connectionString());
        }
        for (ServiceSpec other : ServiceSpec.ALL) {
            String variable = "OCOP_" + other.name().replace("-service", "").toUpperCase() + "_URI";
            if (spec.name().equals("gateway") && !other.name().equals("gateway")) {
                environment.put(variable, other.baseUrl());
            }
        }
        return environment;
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(options.readyTimeout());
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            for (ServiceProcess process : List.copyOf(waiting)) {
                if (!process.isAlive()) {
                    say("!! " + process.spec().name() + " exited during start-up; see "
                            + options.dataDirectory().resolve("logs").resolve(process.spec().name() + ".log"));
                    waiting.remove(process);
                } else if (process.isReady()) {
                    say("   " + process.spec().name() + " ready after "
                            + Duration.between(process.startedAt(), Instant.now()).toMillis() / 100 / 10.0 + " s");
                    waiting.remove(process);
                }
            }
            Thread.sleep(250);
        }
        waiting.forEach(process -> say("!! " + process.spec().name() + " not ready after " + options.readyTimeout()));
    }

    /** identity-service seeds demo accounts in embedded mode and logs their passwords once; show them here. */
    private void printDemoAccounts() throws java.io.IOException {
        Optional<ServiceProcess> identity = find("identity-service");
        if (identity.isEmpty()) {
            return;
        }
        String log = identity.get().logSinceStart();
        int start = log.indexOf("================ OCOP demo accounts");
        if (start < 0) {
            return;
        }
        int end = log.indexOf("\n=====", start + 20);
        int endOfLine = end < 0 ? log.length() : log.indexOf('\n', end + 1);
        say(log.substring(start, endOfLine < 0 ? log.length() : endOfLine));
    }

    private void printTable(Duration took) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n%-22s %-28s %-8s %s%n", "service", "URL", "pid", "state"));
        for (ServiceProcess process : services) {
            table.append(String.format("%-22s %-28s %-8d %s%n", process.spec().name(), process.spec().baseUrl(),
                    process.pid(), process.isAlive() ? (process.isReady() ? "ready" : "starting") : "STOPPED"));
        }
        table.append(String.format("%-22s %-28s%n", "kafka", kafka.bootstrapServers()));
        table.append(String.format("%-22s %-28s%n", "mongodb", mongo.connectionString()));
        table.append(String.format("%nPlatform up in %.1f s. Front door: http://localhost:8080 (API docs: "
                + "http://localhost:8080/swagger-ui.html). Logs: %s%n", took.toMillis() / 1000.0,
                options.dataDirectory().resolve("logs")));
        if (options.interactive()) {
            table.append("Commands: status | stop <service> | start <service> | restart <service> | quit. Ctrl-C stops all.");
        }
        say(table.toString());
    }

    private void superviseUntilStopped() throws Exception {
        if (!options.interactive()) {
            Thread.currentThread().join();
            return;
        }
        BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while (!stopping && (line = console.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            Optional<ServiceProcess> target = words.length > 1 ? find(words[1]) : Optional.empty();
            switch (words[0]) {
                case "" -> { }
                case "status" -> printTable(Duration.ZERO);
                case "quit", "exit" -> System.exit(0);
                case "stop" -> target.ifPresentOrElse(p -> p.stop(Duration.ofSeconds(15)), () -> say("unknown service"));
                case "start" -> {
                    if (target.isPresent()) {
                        target.get().start();
                    } else {
                        say("unknown service");
                    }
                }
                case "restart" -> {
                    if (target.isPresent()) {
                        target.get().stop(Duration.ofSeconds(15));
                        target.get().start();
                    } else {
                        say("unknown service");
                    }
                }
                default -> say("commands: status | stop <service> | start <service> | restart <service> | quit");
            }
        }
        Thread.currentThread().join();
    }

    private Optional<ServiceProcess> find(String name) {
        return services.stream().filter(p -> p.spec().name().equals(name)
                || p.spec().name().equals(name + "-service")).findFirst();
    }

    void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        say("Stopping the services…");
        services.parallelStream().forEach(process -> process.stop(Duration.ofSeconds(20)));
        if (mongo != null) {
            mongo.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        say("Stopped. Data kept in " + options.dataDirectory());
    }

    private static void say(String text) {
        System.out.println(text);
        System.out.flush();
    }
}
