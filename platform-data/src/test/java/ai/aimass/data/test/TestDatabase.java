package ai.aimass.data.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL that tests run against, one per test JVM, migrated by Flyway.
 * <p>
 * By default an embedded server is started in-process. When {@code AIMASS_TEST_DB_URL} is
 * set (CI points it at the machine's server), a fresh database is created on that server
 * for this JVM and dropped when the JVM exits, so runs never see each other's rows. The
 * user for that server comes from {@code AIMASS_TEST_DB_USER} (default {@code postgres})
 * and {@code AIMASS_TEST_DB_PASSWORD}.
 */
public final class TestDatabase {

    private static String url;

    private static String user;

    private static String password;

    private TestDatabase() {
    }

    /** Registers the datasource properties of a Spring test context. */
    public static void registerProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    /** The JDBC URL of the migrated test database, starting it on first use. */
    public static synchronized String jdbcUrl() {
        if (url == null) {
            String external = System.getenv("AIMASS_TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                createExternalDatabase(external.trim());
            }
            else {
                startEmbedded();
            }
            Flyway.configure().dataSource(url, user, password).load().migrate();
        }
        return url;
    }

    public static synchronized String user() {
        jdbcUrl();
        return user;
    }

    public static synchronized String password() {
        jdbcUrl();
        return password;
    }

    private static void startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", ex);
        }
    }

    private static void createExternalDatabase(String serverUrl) {
        user = envOr("AIMASS_TEST_DB_USER", "postgres");
        password = envOr("AIMASS_TEST_DB_PASSWORD", "");
        String database = "aimass_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(serverUrl, "CREATE DATABASE " + database);
        url = withDatabase(serverUrl, database);
        Runtime.getRuntime()
            .addShutdownHook(
                    new Thread(() -> execute(serverUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")));
    }

    /**
     * Replaces the database name in a {@code jdbc:postgresql://host:port/name?params}
     * URL.
     */
    static String withDatabase(String jdbcUrl, String database) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
        String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
        return "jdbc:postgresql://" + uri.getHost() + port + "/" + database.toLowerCase(Locale.ROOT) + query;
    }

    private static void execute(String jdbcUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not run '" + sql + "' on AIMASS_TEST_DB_URL " + jdbcUrl, ex);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return (value != null && !value.isBlank()) ? value : fallback;
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            // The JVM is exiting; the server's temporary directory goes with it.
        }
    }

}
