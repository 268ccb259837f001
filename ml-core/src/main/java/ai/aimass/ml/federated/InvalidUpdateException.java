package ai.aimass.ml.federated;

/**
 * Thrown when a client update must not enter aggregation.
 * <p>
 * The message names the participant and says what was expected and found; the coordinator
 * decides whether that fails the round or only drops the update.
 */
public class InvalidUpdateException extends RuntimeException {

    private final String participant;

    public InvalidUpdateException(String participant, String message) {
        super(message);
        this.participant = participant;
    }

    /**
     * Returns the name of the participant whose update was rejected.
     * @return the name
     */
    public String participant() {
        return this.participant;
    }

}
