package ai.aimass.console.platform;

import java.util.List;

/**
 * A refusal or failure answered by platform-api or inference-service, as its problem
 * document states it.
 * <p>
 * Pages show {@link #getMessage()} or {@link #errors()}, which the services write for
 * people: they name the field, what was expected and what was found.
 */
public class ApiProblem extends RuntimeException {

    private final int status;

    private final String code;

    private final List<String> errors;

    public ApiProblem(int status, String code, String detail, List<String> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** The HTTP status of the answer. */
    public int status() {
        return this.status;
    }

    /** The stable error code, such as {@code invalid_input}, or empty when none came. */
    public String code() {
        return this.code;
    }

    /**
     * Each problem on its own; one entry holding the detail when the answer had no list.
     */
    public List<String> errors() {
        return this.errors.isEmpty() ? List.of(getMessage()) : this.errors;
    }

    /** Whether the token was refused, so the user must log in again. */
    public boolean isUnauthorized() {
        return this.status == 401;
    }

    /** Whether the user's role may not do what was asked. */
    public boolean isForbidden() {
        return this.status == 403;
    }

    /** Whether the resource does not exist in the user's tenant. */
    public boolean isNotFound() {
        return this.status == 404;
    }

    /** Whether the request was refused as the user's mistake (4xx other than 401). */
    public boolean isRefusal() {
        return this.status >= 400 && this.status < 500 && this.status != 401;
    }

}
