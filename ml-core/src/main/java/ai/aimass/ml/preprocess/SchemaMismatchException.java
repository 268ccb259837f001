package ai.aimass.ml.preprocess;

/**
 * Thrown when participants of one job have data sets whose schemas cannot be combined.
 * <p>
 * The message names the participant by its zero-based index in the job's participant list
 * and the column that differs.
 */
public class SchemaMismatchException extends RuntimeException {

    private final int participantIndex;

    public SchemaMismatchException(int participantIndex, String message) {
        super(message);
        this.participantIndex = participantIndex;
    }

    /**
     * Returns the zero-based index of the participant whose schema differs.
     * @return the index
     */
    public int participantIndex() {
        return this.participantIndex;
    }

}
