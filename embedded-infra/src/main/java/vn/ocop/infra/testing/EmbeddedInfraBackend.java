package vn.ocop.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import vn.ocop.infra.embedded.EmbeddedKafka;
import vn.ocop.infra.embedded.EmbeddedMongo;
import vn.ocop.infra.embedded.FileTrees;

/**
 * In-process servers. The broker runs in persistent mode on a temporary directory (deleted at shutdown), not in
 * ephemeral mode, so that a fault test's {@code stopKafka()}/{@code startKafka()} keeps topics and offsets.
 */
final class EmbeddedInfraBackend implements InfraBackend {

    private final Path kafkaDirectory;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;

    EmbeddedInfraBackend() {
        try {
            kafkaDirectory = Files.createTempDirectory("ocop-test-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        kafka = EmbeddedKafka.persistent(kafkaDirectory, 0).start();
        mongo = EmbeddedMongo.memory().start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    @Override
    public void stopKafka() {
        kafka.stop();
    }

    @Override
    public void startKafka() {
        kafka.start();
    }

    @Override
    public void stopMongo() {
        mongo.stop();
    }

    @Override
    public void startMongo() {
        mongo.start();
    }

    @Override
    public void shutdown() {
        kafka.stop();
        FileTrees.deleteQuietly(kafkaDirectory);
    }
}
