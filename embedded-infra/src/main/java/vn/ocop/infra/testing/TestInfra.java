package vn.ocop.infra.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.infra.embedded.QuietServerLogs;

/**
 * The Kafka broker and MongoDB endpoint shared by every test class of a JVM (a surefire fork), started lazily
 * on the first {@link #get()}.
 *
 * <p>{@value #MODE_VARIABLE} (system property, else environment variable) picks them:
 * <ul>
 *   <li>{@code embedded} (default): an in-process {@link vn.ocop.infra.embedded.EmbeddedKafka} in a temporary
 *       directory and an {@link vn.ocop.infra.embedded.EmbeddedMongo} memory server;</li>
 *   <li>{@code containers}: Testcontainers {@code apache/kafka} and a {@code mongo} single-node replica set;</li>
 *   <li>{@code auto}: containers when a Docker daemon answers, embedded otherwise.</li>
 * </ul>
 *
 * <p>Shutdown, from a JVM shutdown hook: first the resources registered with {@link #closeBeforeShutdown}
 * (the Spring test contexts, registered by {@link OcopInfraContextCustomizerFactory}) are closed, so that
 * their Kafka clients say goodbye to a live broker instead of waiting 30 s for a dead one; then the broker
 * stops and its directory is deleted. The embedded MongoDB server is deliberately never stopped: a context
 * still holding a client would hang on it, and its memory dies with the JVM anyway.
 */
public final class TestInfra {

    public static final String MODE_VARIABLE = "OCOP_TEST_INFRA";

    public static final String KAFKA_BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    public static final String KAFKA_BINDER_BROKERS = "spring.cloud.stream.kafka.binder.brokers";
    public static final String MONGODB_URI = "spring.mongodb.uri";
    public static final String JWT_PUBLIC_KEY_LOCATION = "ocop.security.jwt.public-key-location";
    public static final String JWT_ISSUER = "ocop.security.jwt.issuer";

    private static final Logger log = LoggerFactory.getLogger(TestInfra.class);
    private static final String DOCKER_CLIENT_FACTORY = "org.testcontainers.DockerClientFactory";
    private static TestInfra instance;

    private final Mode mode;
    private final InfraBackend backend;
    private final Duration startupDuration;
    private final Set<AutoCloseable> closeFirst = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public enum Mode {
        EMBEDDED, CONTAINERS, AUTO;

        static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return EMBEDDED;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        MODE_VARIABLE + " must be embedded, containers or auto, not '" + value + "'", e);
            }
        }
    }

    private TestInfra(Mode mode, InfraBackend backend, Duration startupDuration) {
        this.mode = mode;
        this.backend = backend;
        this.startupDuration = startupDuration;
    }

    /** The JVM-wide instance, started on the first call. */
    public static synchronized TestInfra get() {
        if (instance == null) {
            instance = start(resolveMode(Mode.parse(requestedMode()), TestInfra::isDockerAvailable));
        }
        return instance;
    }

    /** The mode that runs: {@link Mode#EMBEDDED} or {@link Mode#CONTAINERS}, never {@link Mode#AUTO}. */
    public Mode mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return backend.kafkaBootstrapServers();
    }

    public String mongoConnectionString() {
        return backend.mongoConnectionString();
    }

    public Duration startupDuration() {
        return startupDuration;
    }

    /** Whether {@link #stopKafka()} and friends work: only the embedded mode can take its servers down. */
    public boolean supportsFaultInjection() {
        return mode == Mode.EMBEDDED;
    }

    /** Takes the broker down; data and committed offsets are kept for {@link #startKafka()}. */
    public void stopKafka() {
        backend.stopKafka();
    }

    /** Brings the broker back on the same port with the same data. */
    public void startKafka() {
        backend.startKafka();
    }

    /** Closes the MongoDB port and its connections; data are kept for {@link #startMongo()}. */
    public void stopMongo() {
        backend.stopMongo();
    }

    public void startMongo() {
        backend.startMongo();
    }

    /** The properties a Spring Boot 4 service reads to find the infrastructure and to trust {@link TestTokens}. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers());
        properties.put(KAFKA_BINDER_BROKERS, kafkaBootstrapServers());
        properties.put(MONGODB_URI, mongoConnectionString());
        properties.put(JWT_PUBLIC_KEY_LOCATION, TestTokens.publicKeyFile().toUri().toString());
        properties.put(JWT_ISSUER, TestTokens.ISSUER);
        return properties;
    }

    /**
     * Sets {@link #springProperties()} as System properties, and the quiet Kafka log levels
     * ({@code logging.level.kafka} and others, WARN) unless already set.
     */
    public void exportSystemProperties() {
        springProperties().forEach(System::setProperty);
        QuietServerLogs.springLoggingProperties().forEach((name, level) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, level);
            }
        });
    }

    /** Registers something that uses the infrastructure and must be closed before it shuts down. */
    public void closeBeforeShutdown(AutoCloseable resource) {
        closeFirst.add(resource);
    }

    static Mode resolveMode(Mode requested, BooleanSupplier dockerAvailable) {
        return switch (requested) {
            case EMBEDDED, CONTAINERS -> requested;
            case AUTO -> dockerAvailable.getAsBoolean() ? Mode.CONTAINERS : Mode.EMBEDDED;
        };
    }

    private static String requestedMode() {
        String fromProperty = System.getProperty(MODE_VARIABLE);
        return fromProperty != null ? fromProperty : System.getenv(MODE_VARIABLE);
    }

    private static TestInfra start(Mode mode) {
        long startedAt = System.nanoTime();
        InfraBackend backend = mode == Mode.CONTAINERS ? containersBackend() : new EmbeddedInfraBackend();
        Duration startup = Duration.ofNanos(System.nanoTime() - startedAt);
        TestInfra infra = new TestInfra(mode, backend, startup);
        Runtime.getRuntime().addShutdownHook(new Thread(infra::shutdown, "ocop-test-infra-shutdown"));
        log.info("Test infrastructure ({}) up in {} ms: Kafka {}, MongoDB {}", mode, startup.toMillis(),
                backend.kafkaBootstrapServers(), backend.mongoConnectionString());
        return infra;
    }

    private void shutdown() {
        List<AutoCloseable> resources;
        synchronized (closeFirst) {
            resources = new ArrayList<>(closeFirst);
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close {} before the test infrastructure", resource, e);
            }
        }
        backend.shutdown();
    }

    private static boolean isDockerAvailable() {
        return isTestcontainersPresent() && ContainerInfraBackend.isDockerAvailable();
    }

    private static boolean isTestcontainersPresent() {
        try {
            Class.forName(DOCKER_CLIENT_FACTORY, false, TestInfra.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static InfraBackend containersBackend() {
        if (!isTestcontainersPresent()) {
            throw new IllegalStateException(MODE_VARIABLE + "=containers needs org.testcontainers:testcontainers-kafka "
                    + "and testcontainers-mongodb on the test classpath");
        }
        return new ContainerInfraBackend();
    }
}
