package ai.aimass.inference.oip;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Whether the server can answer inference requests: the application accepts traffic and
 * the database, where models and keys live, answers.
 */
@Component
class ServerReadiness {

    private static final Logger logger = LoggerFactory.getLogger(ServerReadiness.class);

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final ApplicationAvailability availability;

    private final DataSource dataSource;

    ServerReadiness(ApplicationAvailability availability, DataSource dataSource) {
        this.availability = availability;
        this.dataSource = dataSource;
    }

    boolean isReady() {
        return this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC && databaseAnswers();
    }

    private boolean databaseAnswers() {
        try (Connection connection = this.dataSource.getConnection()) {
            return connection.isValid(DATABASE_TIMEOUT_SECONDS);
        }
        catch (SQLException ex) {
            logger.warn("Not ready: the database does not answer; check spring.datasource.url: {}", ex.getMessage());
            return false;
        }
    }

}
