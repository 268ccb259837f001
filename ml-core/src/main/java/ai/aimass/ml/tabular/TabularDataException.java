package ai.aimass.ml.tabular;

/**
 * Thrown when a tabular data set cannot be read or does not meet the rules of the
 * platform.
 * <p>
 * The {@link #code()} is one of the platform's stable error codes
 * ({@value #INVALID_INPUT} or {@value #PAYLOAD_TOO_LARGE}); the message says what was
 * expected, what was found and where, and is safe to show to the person who sent the
 * file.
 */
public class TabularDataException extends RuntimeException {

    /** Code for data that breaks a rule of the format or of the schema. */
    public static final String INVALID_INPUT = "invalid_input";

    /** Code for data larger than the configured limit. */
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";

    private final String code;

    public TabularDataException(String code, String message) {
        super(message);
        this.code = code;
    }

    static TabularDataException invalid(String message) {
        return new TabularDataException(INVALID_INPUT, message);
    }

    /**
     * Returns the stable error code.
     * @return {@value #INVALID_INPUT} or {@value #PAYLOAD_TOO_LARGE}
     */
    public String code() {
        return this.code;
    }

}
