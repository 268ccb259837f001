package ai.aimass.data.startup;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableFailureAnalyzerTests {

    private final DatabaseUnavailableFailureAnalyzer analyzer = new DatabaseUnavailableFailureAnalyzer();

    @Test
    void describesRefusedConnectionAndNamesTheSettingsToCheck() {
        PSQLException refused = new PSQLException("Connection to localhost:5999 refused.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused"));

        FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("wrapped", refused));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("Connection to localhost:5999 refused.");
        assertThat(analysis.getAction()).contains("AIMASS_DB_URL", "AIMASS_DB_USER", "scripts/run-demo.sh");
    }

    @Test
    void leavesOtherDatabaseErrorsToTheDefaultReport() {
        PSQLException syntax = new PSQLException("syntax error", PSQLState.SYNTAX_ERROR);

        assertThat(this.analyzer.analyze(new IllegalStateException("wrapped", syntax))).isNull();
    }

}
