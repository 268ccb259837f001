package ai.aimass.dl4j.training;

/**
 * Thrown when the thread of a training run is interrupted, as when its job is cancelled
 * or its worker shuts down: the run stops between mini-batches and its partial weights
 * are dropped.
 */
public class TrainingInterruptedException extends RuntimeException {

    /**
     * Creates the exception.
     * @param batchesDone how many mini-batch steps the run had taken
     */
    public TrainingInterruptedException(long batchesDone) {
        super("training interrupted after " + batchesDone + " mini-batch steps");
    }

}
