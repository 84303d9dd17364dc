package vn.ocop.infra.testing;

/** What {@link TestInfra} runs on: in-process servers or containers. */
interface InfraBackend {

    String kafkaBootstrapServers();

    String mongoConnectionString();

    void stopKafka();

    void startKafka();

    void stopMongo();

    void startMongo();

    void shutdown();
}
