package vn.ocop.infra.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Testcontainers: the official apache/kafka image configured like the embedded broker, and a single-node
 * MongoDB replica set. Loaded only in the containers mode, so Testcontainers stays an optional dependency.
 * The images can be overridden with {@value #KAFKA_IMAGE_VARIABLE} and {@value #MONGO_IMAGE_VARIABLE}.
 */
final class ContainerInfraBackend implements InfraBackend {

    static final String KAFKA_IMAGE_VARIABLE = "OCOP_TEST_KAFKA_IMAGE";
    static final String MONGO_IMAGE_VARIABLE = "OCOP_TEST_MONGO_IMAGE";
    static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String DEFAULT_MONGO_IMAGE = "mongo:8.0";

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    ContainerInfraBackend() {
        kafka = new KafkaContainer(setting(KAFKA_IMAGE_VARIABLE, DEFAULT_KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        mongo = new MongoDBContainer(setting(MONGO_IMAGE_VARIABLE, DEFAULT_MONGO_IMAGE)).withReplicaSet();
        Startables.deepStart(kafka, mongo).join();
    }

    static boolean isDockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongo.getConnectionString();
    }

    @Override
    public void stopKafka() {
        throw unsupported();
    }

    @Override
    public void startKafka() {
        throw unsupported();
    }

    @Override
    public void stopMongo() {
        throw unsupported();
    }

    @Override
    public void startMongo() {
        throw unsupported();
    }

    @Override
    public void shutdown() {
        kafka.stop();
        mongo.stop();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("Stopping and restarting servers needs " + TestInfra.MODE_VARIABLE
                + "=embedded: a restarted container comes back on other ports (check TestInfra.supportsFaultInjection())");
    }

    private static String setting(String name, String defaultValue) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
