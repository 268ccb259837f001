package ai.aimass.inference;

import org.springframework.http.HttpStatus;

/**
 * A refusal that the client may read: an HTTP status, a stable error code and a message
 * that says what was expected, what was found and where.
 * <p>
 * The message goes to the client unchanged, so it never holds SQL, stack traces or
 * secrets.
 */
public class InferenceException extends RuntimeException {

    private final HttpStatus status;

    private final String code;

    public InferenceException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return this.status;
    }

    public String code() {
        return this.code;
    }

    /**
     * Returns a bad-input refusal (400, {@code invalid_input}).
     * @param message what was expected, found and where
     * @return the exception
     */
    public static InferenceException invalidInput(String message) {
        return new InferenceException(HttpStatus.BAD_REQUEST, "invalid_input", message);
    }

}
