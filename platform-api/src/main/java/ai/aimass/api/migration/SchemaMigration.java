package ai.aimass.api.migration;

import java.util.Map;

import ai.aimass.api.PlatformApiApplication;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Migrates the database schema with Flyway and exits: the entry point of the chart's
 * migration Job, which runs once per install or upgrade before any replica starts.
 * <p>
 * It reads platform-api's own configuration ({@code platform-api.properties}), so the
 * same {@code AIMASS_DB_*} variables and {@code spring.flyway.*} settings apply, but it
 * starts only a data source and Flyway: no web server, no signing key, no admin
 * bootstrap. Flyway is always enabled here, even when {@code SPRING_FLYWAY_ENABLED=false}
 * (as the chart sets for the replicas) reaches this process. Not a component, so that the
 * service's component scan never picks it up.
 */
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class })
public final class SchemaMigration {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

    private SchemaMigration() {
    }

    public static void main(String[] args) {
        System.exit(migrate(args));
    }

    /**
     * Migrates the configured database to the latest schema version.
     * @param args command-line arguments, read as Spring Boot reads them (for example
     * {@code --spring.datasource.url=...})
     * @return the exit code of the process: 0 once the schema is at the latest version
     * @throws RuntimeException when the database cannot be reached or a migration fails
     */
    public static int migrate(String... args) {
        SpringApplication application = new SpringApplicationBuilder(SchemaMigration.class).web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .properties("spring.config.name=" + PlatformApiApplication.SERVICE_NAME)
            .initializers((context) -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("schemaMigration", Map.of("spring.flyway.enabled", "true"))))
            .build();
        try (ConfigurableApplicationContext context = application.run(args)) {
            logVersion(context.getBean(Flyway.class));
            return SpringApplication.exit(context);
        }
    }

    private static void logVersion(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        if (current == null) {
            log.warn("No migration was found; check spring.flyway.locations");
            return;
        }
        log.info("Schema migrated: version={} description=\"{}\"", current.getVersion(), current.getDescription());
    }

}
