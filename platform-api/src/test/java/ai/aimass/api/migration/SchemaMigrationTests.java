package ai.aimass.api.migration;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import ai.aimass.data.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's migration Job: {@link SchemaMigration} against a fresh, empty database on
 * the test PostgreSQL server.
 */
class SchemaMigrationTests {

    private String url;

    private JdbcTemplate jdbc;

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        String database = "aimass_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), TestDatabase.user(),
                TestDatabase.password()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        this.url = withDatabase(TestDatabase.jdbcUrl(), database);
        this.jdbc = new JdbcTemplate(
                new DriverManagerDataSource(this.url, TestDatabase.user(), TestDatabase.password()));
    }

    @Test
    void migratesAnEmptyDatabaseToEveryMigrationAndExitsWithZero() throws Exception {
        int exitCode = SchemaMigration.migrate(databaseArguments());

        assertThat(exitCode).isZero();
        assertThat(appliedVersions()).hasSize(migrationCount()).startsWith("1");
        assertThat(
                this.jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class))
            .isZero();
    }

    @Test
    void secondRunAppliesNothing() {
        SchemaMigration.migrate(databaseArguments());
        List<String> first = appliedVersions();

        int exitCode = SchemaMigration.migrate(databaseArguments());

        assertThat(exitCode).isZero();
        assertThat(appliedVersions()).isEqualTo(first);
    }

    @Test
    void migratesEvenWhenFlywayIsDisabledAsInTheReplicas() throws Exception {
        String[] arguments = append(databaseArguments(), "--spring.flyway.enabled=false");

        int exitCode = SchemaMigration.migrate(arguments);

        assertThat(exitCode).isZero();
        assertThat(appliedVersions()).hasSize(migrationCount());
    }

    private String[] databaseArguments() {
        return new String[] { "--spring.datasource.url=" + this.url,
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password() };
    }

    private List<String> appliedVersions() {
        return this.jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank",
                String.class);
    }

    private static int migrationCount() throws Exception {
        Resource[] migrations = new PathMatchingResourcePatternResolver()
            .getResources("classpath*:db/migration/V*__*.sql");
        assertThat(migrations).isNotEmpty();
        return migrations.length;
    }

    private static String withDatabase(String jdbcUrl, String database) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String port = (uri.getPort() != -1) ? ":" + uri.getPort() : "";
        String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
        return "jdbc:postgresql://" + uri.getHost() + port + "/" + database + query;
    }

    private static String[] append(String[] arguments, String argument) {
        String[] result = Arrays.copyOf(arguments, arguments.length + 1);
        result[arguments.length] = argument;
        return result;
    }

}
