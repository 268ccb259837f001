package ai.aimass.api.problem;

import ai.aimass.api.ApiProperties;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTests {

    private final ProblemHandler handler = new ProblemHandler(new ApiProperties(null, null, null, null));

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/datasets");

    @Test
    void answersTextTheDatabaseCannotStoreAsInvalidInput() {
        for (String state : new String[] { "22021", "22P05" }) {
            ResponseEntity<Object> answer = this.handler.handleDataIntegrity(failure(state), this.request);
            ProblemDetail problem = (ProblemDetail) answer.getBody();
            assertThat(answer.getStatusCode().value()).as(state).isEqualTo(400);
            assertThat(problem.getProperties()).containsEntry("code", "invalid_input");
            assertThat(problem.getDetail()).isEqualTo("request: expected text that the database can store, found a "
                    + "NUL character or another one that it cannot hold");
        }
    }

    @Test
    void answersAnotherConstraintFailureAsAConflict() {
        ResponseEntity<Object> answer = this.handler.handleDataIntegrity(failure(PSQLState.UNIQUE_VIOLATION.getState()),
                this.request);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(problem.getProperties()).containsEntry("code", "invalid_state");
        assertThat(problem.getDetail()).isEqualTo(
                "the request conflicts with data stored while it was being handled; read the resource and retry");
    }

    private static DataIntegrityViolationException failure(String sqlState) {
        ServerErrorMessage message = new ServerErrorMessage(
                "SERROR\u0000C" + sqlState + "\u0000Minvalid byte sequence for encoding \"UTF8\": 0x00\u0000");
        return new DataIntegrityViolationException("could not execute statement", new PSQLException(message));
    }

}
