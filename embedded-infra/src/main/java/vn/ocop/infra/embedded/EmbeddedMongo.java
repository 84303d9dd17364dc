package vn.ocop.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) in this JVM, on a real TCP port.
 *
 * <p>Two backends: {@link #memory()} keeps the data on the heap (kept across {@link #stop()} /
 * {@link #start()}, dropped by {@link #close()}); {@link #h2(Path)} keeps it in an H2 MVStore file, committed
 * on {@link #stop()} and read back on the next {@link #start()}, also by a later JVM.
 *
 * <p>Both answer a query that pins a unique index's keys (such as {@code _id}) and adds more conditions from
 * that index, as MongoDB does, instead of matching every document of the collection: {@link PinnedKeysIndex}.
 *
 * <p>mongo-java-server has no sessions and hence no multi-document transactions, ignores collations and has
 * no {@code $text} search: see the stack notes.
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final Path h2File;
    private final String host;
    private final RestartableMemoryBackend memoryBackend;
    private int port;
    private MongoServer server;

    private EmbeddedMongo(Path h2File, String host, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.h2File = h2File == null ? null : h2File.toAbsolutePath();
        this.host = host;
        this.port = port;
        this.memoryBackend = h2File == null ? new RestartableMemoryBackend() : null;
    }

    /** Heap storage; {@code port} 0 picks a free port on first start. */
    public static EmbeddedMongo memory(String host, int port) {
        return new EmbeddedMongo(null, host, port);
    }

    public static EmbeddedMongo memory() {
        return memory(DEFAULT_HOST, 0);
    }

    /** Storage in the H2 MVStore file {@code file} (created with its parent folders if missing). */
    public static EmbeddedMongo h2(Path file, String host, int port) {
        if (file == null) {
            throw new IllegalArgumentException("file is required for the H2 backend");
        }
        return new EmbeddedMongo(file, host, port);
    }

    public static EmbeddedMongo h2(Path file) {
        return h2(file, DEFAULT_HOST, 0);
    }

    /** Binds and starts serving; later starts reuse the port chosen by the first one. */
    public synchronized EmbeddedMongo start() {
        if (server != null) {
            return this;
        }
        MongoServer starting = new MongoServer(openBackend());
        starting.bind(host, port);
        InetSocketAddress address = starting.getLocalAddress();
        port = address.getPort();
        server = starting;
        log.info("MongoDB wire-protocol server listening at {} ({})", connectionString(),
                h2File == null ? "memory" : "H2 file " + h2File);
        return this;
    }

    /**
     * Closes the port and every client connection. H2 data are committed to the file; memory data are kept
     * for the next {@link #start()}.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        server = null;
    }

    /** Stops the server and, with the memory backend, drops the data. */
    @Override
    public synchronized void close() {
        stop();
        if (memoryBackend != null) {
            memoryBackend.discard();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String host() {
        return host;
    }

    public synchronized int port() {
        if (port == 0) {
            throw new IllegalStateException("The port is chosen at the first start()");
        }
        return port;
    }

    /** For example {@code mongodb://127.0.0.1:27017}: no database, each service names its own. */
    public String connectionString() {
        return "mongodb://" + host + ":" + port();
    }

    public boolean isPersistent() {
        return h2File != null;
    }

    private MongoBackend openBackend() {
        if (h2File == null) {
            return memoryBackend;
        }
        try {
            if (h2File.getParent() != null) {
                Files.createDirectories(h2File.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PinnedKeysH2Backend(h2File.toString());
    }

    /** MongoServer closes its backend on shutdown, which would empty a memory backend; this one survives that. */
    private static final class RestartableMemoryBackend extends MemoryBackend {

        @Override
        public void close() {
            // data stay until discard(): stop() followed by start() must not lose them
        }

        void discard() {
            super.close();
        }

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                 List<IndexKey> keys, boolean sparse) {
                    return PinnedKeysIndex.wrap(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                            indexName, keys, sparse);
                }
            };
        }
    }

    private static final class PinnedKeysH2Backend extends H2Backend {

        PinnedKeysH2Backend(String file) {
            super(file);
        }

        // Called by H2Backend's constructor for the databases already in the file: uses only what it has set.
        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                                List<IndexKey> keys, boolean sparse) {
                    return PinnedKeysIndex.wrap(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                            indexName, keys, sparse);
                }
            };
        }
    }
}
