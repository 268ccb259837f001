package ai.aimass.api.problem;

import java.util.List;

/**
 * A refusal that the API answers as a problem response with the given code.
 * <p>
 * The message is shown to the caller, so it must say what was expected, what was found
 * and where, and must never hold SQL, stack traces or another tenant's data.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    private final List<String> errors;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ErrorCode code, String message, List<String> errors) {
        super(message);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /**
     * Returns the error code.
     * @return the code
     */
    public ErrorCode code() {
        return this.code;
    }

    /**
     * Returns the individual problems when there are several.
     * @return the problems, each naming its field; empty when the message says it all
     */
    public List<String> errors() {
        return this.errors;
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException alreadyExists(String message) {
        return new ApiException(ErrorCode.ALREADY_EXISTS, message);
    }

    public static ApiException invalidInput(String message) {
        return new ApiException(ErrorCode.INVALID_INPUT, message);
    }

    /**
     * Creates an {@code invalid_input} refusal that lists several problems.
     * @param problems the problems, each naming its field, at least one
     * @return the exception
     */
    public static ApiException invalidInput(List<String> problems) {
        String message = (problems.size() == 1) ? problems.get(0)
                : problems.size() + " problems: " + String.join("; ", problems);
        return new ApiException(ErrorCode.INVALID_INPUT, message, problems);
    }

    public static ApiException invalidState(String message) {
        return new ApiException(ErrorCode.INVALID_STATE, message);
    }

}
