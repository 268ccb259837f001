package ai.aimass.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from binaries on the classpath, keeping its files in
 * the data directory so that a second run finds the first run's tenants, datasets and
 * models.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            quietServerLog();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The quick start stops the database itself, after the services: a hook
                // of the
                // server's own would race the worker's release of its leases on SIGTERM.
                .setRegisterShutdownHook(false)
                .start();
            return new EmbeddedDatabase(postgres);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory + " on port "
                    + port + "; is another quick start running? Pass --db-port=N or --data-dir=PATH", ex);
        }
    }

    /**
     * The server's own start-up lines would bury the demo's output; Spring's logging
     * configuration is not in place yet when the database starts, so the level is set
     * here.
     */
    private static void quietServerLog() {
        if (LoggerFactory.getLogger("io.zonky") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    String jdbcUrl() {
        return this.postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        this.postgres.close();
    }

}
