package ai.aimass.ml.preprocess;

/**
 * Thrown when a feature value sent for encoding does not fit the model's schema.
 * <p>
 * The message says what was expected and what was found, and names the feature
 * ({@code feature "radius_mean": expected a number, found a string ("abc")}); it is safe
 * to show to the caller, as a bad-input ({@code invalid_input}) error. {@link #feature()}
 * is null for problems with the row as a whole, such as the wrong number of values. When
 * a batch is encoded, {@link #rowIndex()} tells which row failed, so that the caller can
 * name it in its own terms (a JSON path, an input row).
 */
public class InvalidFeatureException extends RuntimeException {

    private final String feature;

    private final int rowIndex;

    public InvalidFeatureException(String feature, String message) {
        this(feature, -1, message);
    }

    public InvalidFeatureException(String feature, int rowIndex, String message) {
        super(message);
        this.feature = feature;
        this.rowIndex = rowIndex;
    }

    /**
     * Returns the name of the feature at fault.
     * @return the feature name, or null when the row as a whole is at fault
     */
    public String feature() {
        return this.feature;
    }

    /**
     * Returns the zero-based index of the failed row in a batch.
     * @return the row index, or -1 when a single row was encoded
     */
    public int rowIndex() {
        return this.rowIndex;
    }

    /**
     * Returns a copy of this exception that names the row of a batch.
     * @param rowIndex the zero-based row index
     * @return the copy, with the same message
     */
    public InvalidFeatureException atRow(int rowIndex) {
        return new InvalidFeatureException(this.feature, rowIndex, getMessage());
    }

}
