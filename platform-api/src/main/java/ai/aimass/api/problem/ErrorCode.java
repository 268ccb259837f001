package ai.aimass.api.problem;

import org.springframework.http.HttpStatus;

/**
 * The closed set of error codes that every problem response carries in its {@code code}
 * property, with the HTTP status each one answers.
 */
public enum ErrorCode {

    /** The resource does not exist, or belongs to another tenant. */
    NOT_FOUND("not_found", HttpStatus.NOT_FOUND),

    /** A resource with the same unique name exists. */
    ALREADY_EXISTS("already_exists", HttpStatus.CONFLICT),

    /** The request breaks a rule of the API; the message says which and where. */
    INVALID_INPUT("invalid_input", HttpStatus.BAD_REQUEST),

    /** The resource is in a state that does not allow the request. */
    INVALID_STATE("invalid_state", HttpStatus.CONFLICT),

    /** An alias move would change the input schema that devices are coded against. */
    SCHEMA_MISMATCH("schema_mismatch", HttpStatus.CONFLICT),

    /** The request body or file is larger than the configured limit. */
    PAYLOAD_TOO_LARGE("payload_too_large", HttpStatus.PAYLOAD_TOO_LARGE),

    /** No credentials, or credentials that are wrong, expired or not ours. */
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),

    /** The caller's role may not make this request. */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),

    /** The server failed; the cause is logged, never sent. */
    INTERNAL_ERROR("internal_error", HttpStatus.INTERNAL_SERVER_ERROR);

    private final String value;

    private final HttpStatus status;

    ErrorCode(String value, HttpStatus status) {
        this.value = value;
        this.status = status;
    }

    /**
     * Returns the code as clients see it.
     * @return the lower-case code
     */
    public String value() {
        return this.value;
    }

    /**
     * Returns the status that the code answers.
     * @return the HTTP status
     */
    public HttpStatus status() {
        return this.status;
    }

    /**
     * Returns the code for a status that no handler gave a more specific code.
     * @param status the HTTP status code
     * @return the code
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 409 -> INVALID_STATE;
            case 413 -> PAYLOAD_TOO_LARGE;
            default -> (status >= 500) ? INTERNAL_ERROR : INVALID_INPUT;
        };
    }

}
