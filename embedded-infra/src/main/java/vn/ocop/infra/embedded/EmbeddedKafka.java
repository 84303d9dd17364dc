package vn.ocop.infra.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka cluster (one KRaft process acting as broker and controller) running inside this
 * JVM, reachable over TCP on 127.0.0.1.
 *
 * <p>Persistent mode ({@link #persistent(Path, int)}) formats the data directory once and reuses it: topics,
 * records and committed consumer-group offsets survive {@link #stop()} / {@link #start()} and JVM restarts.
 * Ephemeral mode ({@link #ephemeral(int)}) works in a fresh temporary directory that {@link #stop()} deletes.
 *
 * <p>Broker defaults for one node: every internal topic has replication factor 1 and min.insync.replicas 1;
 * topics are auto-created on first use with {@value #DEFAULT_TOPIC_PARTITIONS} partitions; consumer groups
 * rebalance without the initial delay. Override any broker setting with {@link #withBrokerProperty}.
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final int DEFAULT_TOPIC_PARTITIONS = 3;
    public static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";

    private final Path persistentDirectory;
    private final Map<String, String> brokerPropertyOverrides = new LinkedHashMap<>();
    private int port;
    private int controllerPort;
    private Path dataDirectory;
    private KafkaRaftServer server;
    private Duration lastStartDuration = Duration.ZERO;
    private Duration lastStopDuration = Duration.ZERO;

    private EmbeddedKafka(Path persistentDirectory, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.persistentDirectory = persistentDirectory == null ? null : persistentDirectory.toAbsolutePath();
        this.port = port;
    }

    /** A broker keeping its data in {@code dataDirectory}; {@code port} 0 picks a free port on first start. */
    public static EmbeddedKafka persistent(Path dataDirectory, int port) {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("dataDirectory is required in persistent mode");
        }
        return new EmbeddedKafka(dataDirectory, port);
    }

    public static EmbeddedKafka persistent(Path dataDirectory) {
        return persistent(dataDirectory, 0);
    }

    /** A broker in a temporary directory deleted on {@link #stop()}; {@code port} 0 picks a free port. */
    public static EmbeddedKafka ephemeral(int port) {
        return new EmbeddedKafka(null, port);
    }

    public static EmbeddedKafka ephemeral() {
        return ephemeral(0);
    }

    /** Sets or overrides one broker configuration entry; takes effect at the next {@link #start()}. */
    public synchronized EmbeddedKafka withBrokerProperty(String name, String value) {
        brokerPropertyOverrides.put(name, value);
        return this;
    }

    /** Starts the broker and returns once it accepts clients. Starting a running broker does nothing. */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        QuietServerLogs.apply();
        long startedAt = System.nanoTime();
        if (port == 0) {
            port = freePort();
        }
        while (controllerPort == 0 || controllerPort == port) {
            // the kernel may hand back the port just released for the broker: Kafka refuses one port for both
            controllerPort = freePort();
        }
        dataDirectory = persistentDirectory != null ? persistentDirectory : createTemporaryDirectory();
        try {
            server = startServer();
        } catch (RuntimeException e) {
            if (persistentDirectory == null) {
                FileTrees.deleteQuietly(dataDirectory);
                dataDirectory = null;
            }
            throw e;
        }
        lastStartDuration = Duration.ofNanos(System.nanoTime() - startedAt);
        log.info("Kafka broker started at {} in {} ms (data in {})", bootstrapServers(),
                lastStartDuration.toMillis(), dataDirectory);
        return this;
    }

    /** Stops the broker; the port is kept so that {@link #start()} reuses it. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long stoppingAt = System.nanoTime();
        shutDown(server);
        server = null;
        if (persistentDirectory == null) {
            FileTrees.deleteQuietly(dataDirectory);
            dataDirectory = null;
        }
        lastStopDuration = Duration.ofNanos(System.nanoTime() - stoppingAt);
        log.info("Kafka broker on port {} stopped in {} ms", port, lastStopDuration.toMillis());
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The client port; known after the first start, or from construction when a fixed port was given. */
    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("The port is chosen at the first start()");
        }
        return port;
    }

    public String bootstrapServers() {
        return HOST + ":" + port();
    }

    public boolean isPersistent() {
        return persistentDirectory != null;
    }

    /** The directory the broker writes to; null when an ephemeral broker is not running. */
    public synchronized Path dataDirectory() {
        return persistentDirectory != null ? persistentDirectory : dataDirectory;
    }

    /** The cluster id stored in the data directory when it was formatted, or null before formatting. */
    public synchronized String clusterId() {
        Path directory = dataDirectory();
        return directory == null ? null : readClusterId(directory);
    }

    public synchronized Duration lastStartDuration() {
        return lastStartDuration;
    }

    public synchronized Duration lastStopDuration() {
        return lastStopDuration;
    }

    private KafkaRaftServer startServer() {
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        formatUnlessFormatted(config);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            shutDown(starting);
            throw new IllegalStateException("Kafka broker failed to start on port " + port, e);
        }
        return starting;
    }

    private Properties brokerProperties() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", String.valueOf(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put("listeners",
                BROKER_LISTENER + "://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + port);
        properties.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", BROKER_LISTENER);
        properties.put("log.dirs", dataDirectory.toString());

        properties.put("auto.create.topics.enable", "true");
        properties.put("num.partitions", String.valueOf(DEFAULT_TOPIC_PARTITIONS));
        properties.put("default.replication.factor", "1");
        // The event topics are the platform's history (projections are rebuilt by replaying them): keep them.
        properties.put("log.retention.ms", "-1");
        properties.put("min.insync.replicas", "1");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "5");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("share.coordinator.state.topic.num.partitions", "5");
        properties.put("group.initial.rebalance.delay.ms", "0");

        // Sized for a laptop or a 2-core CI box rather than a production host.
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "4");
        properties.put("background.threads", "4");
        properties.put("log.cleaner.threads", "1");
        properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        // A shorter heartbeat lets the broker get unfenced at start and finish controlled shutdown sooner.
        properties.put("broker.heartbeat.interval.ms", "250");
        // One node has no other broker to hand leadership to; a controlled shutdown only adds a wait that can
        // hang when the JVM is already shutting down (seen from the launcher's shutdown hook).
        properties.put("controlled.shutdown.enable", "false");
        properties.put("broker.session.timeout.ms", "3000");

        properties.putAll(brokerPropertyOverrides);
        return properties;
    }

    private void formatUnlessFormatted(KafkaConfig config) {
        if (Files.exists(dataDirectory.resolve(META_PROPERTIES))) {
            return;
        }
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .setDirectories(List.of(dataDirectory.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
        try {
            Files.createDirectories(dataDirectory);
            formatter.run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + dataDirectory, e);
        }
    }

    private static void shutDown(KafkaRaftServer kafkaServer) {
        kafkaServer.shutdown();
        kafkaServer.awaitShutdown();
    }

    private static String readClusterId(Path directory) {
        Path metaProperties = directory.resolve(META_PROPERTIES);
        if (!Files.exists(metaProperties)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("cluster.id");
    }

    private static Path createTemporaryDirectory() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }
}
