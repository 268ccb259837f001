package ai.aimass.data.startup;

import java.net.ConnectException;

import org.postgresql.util.PSQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns "the database is not there" at startup into a description and an action, instead
 * of a page of connection-pool stack trace.
 */
public class DatabaseUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<PSQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PSQLException cause) {
        if (!(findCause(cause, ConnectException.class) != null || "08001".equals(cause.getSQLState())
                || "3D000".equals(cause.getSQLState()) || "28P01".equals(cause.getSQLState()))) {
            return null;
        }
        String description = "Could not reach the PostgreSQL database: " + cause.getMessage();
        String action = "Check that PostgreSQL is running and that AIMASS_DB_URL (for example "
                + "jdbc:postgresql://db.example.org:5432/aimass), AIMASS_DB_USER and AIMASS_DB_PASSWORD name a "
                + "server, database and user that exist. For a local trial, scripts/run-demo.sh starts an "
                + "embedded PostgreSQL instead.";
        return new FailureAnalysis(description, action, cause);
    }

}
