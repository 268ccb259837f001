package ai.aimass.worker.federated;

import java.util.UUID;

/**
 * Runs a participant's tasks on that participant's rows alone.
 * <p>
 * Implementations are called from several threads at once, for different participants and
 * jobs. This release runs tasks in the worker's own process; the tasks carry all their
 * inputs so that a later runner can hand them to remote participants instead.
 */
public interface ParticipantTaskRunner {

    /**
     * Trains the global model on the participant's training rows.
     * @param task the task
     * @return the participant's update and training loss
     */
    TrainingOutcome train(RoundTask task);

    /**
     * Scores a model on the participant's validation rows.
     * @param task the task
     * @return the participant's validation metrics
     */
    EvaluationOutcome evaluate(EvaluationTask task);

    /**
     * Forgets whatever the runner kept for a job, once the job stops on this worker.
     * @param jobId the job
     */
    void forgetJob(UUID jobId);

}
