package ai.aimass.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from binaries on the classpath, keeping its files in the
 * data directory so that a second run finds the first run's tenants, datasets and models.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
            return new EmbeddedDatabase(postgres);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory + " on port "
                    + port + "; is another quick start running? Pass --db-port=N or --data-dir=PATH", ex);
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
