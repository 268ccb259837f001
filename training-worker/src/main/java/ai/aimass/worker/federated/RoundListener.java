package ai.aimass.worker.federated;

/**
 * Told about every round once it is recorded, for example to publish progress events.
 * <p>
 * Listeners run on the job's coordinator thread, between two rounds, so they should be
 * quick; an exception from a listener is logged and does not stop the job.
 */
@FunctionalInterface
public interface RoundListener {

    /**
     * Called after a round and its checkpoint are recorded.
     * @param round the recorded round
     */
    void roundRecorded(RecordedRound round);

}
