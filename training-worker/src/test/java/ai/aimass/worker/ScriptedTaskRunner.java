package ai.aimass.worker;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import ai.aimass.ml.federated.ClientUpdate;
import ai.aimass.worker.federated.EvaluationOutcome;
import ai.aimass.worker.federated.EvaluationTask;
import ai.aimass.worker.federated.ParticipantTaskRunner;
import ai.aimass.worker.federated.RoundTask;
import ai.aimass.worker.federated.TrainingOutcome;

/**
 * Runs tasks with the real runner, but changes the update of one participant in one round
 * of a job when a test asks, as a faulty or hostile participant would.
 */
class ScriptedTaskRunner implements ParticipantTaskRunner {

    private final ParticipantTaskRunner delegate;

    private final Map<UUID, Tampering> tamperings = new ConcurrentHashMap<>();

    ScriptedTaskRunner(ParticipantTaskRunner delegate) {
        this.delegate = delegate;
    }

    void tamper(UUID jobId, int round, String participant, UnaryOperator<float[]> change) {
        this.tamperings.put(jobId, new Tampering(round, participant, change));
    }

    @Override
    public TrainingOutcome train(RoundTask task) {
        TrainingOutcome outcome = this.delegate.train(task);
        Tampering tampering = this.tamperings.get(task.data().jobId());
        ClientUpdate update = outcome.update();
        if (tampering == null || tampering.round() != task.round()
                || !tampering.participant().equals(update.participant())) {
            return outcome;
        }
        ClientUpdate changed = new ClientUpdate(update.participant(), tampering.change().apply(update.weights()),
                update.exampleCount());
        return new TrainingOutcome(changed, outcome.loss(), outcome.trainingNanos());
    }

    @Override
    public EvaluationOutcome evaluate(EvaluationTask task) {
        return this.delegate.evaluate(task);
    }

    @Override
    public void forgetJob(UUID jobId) {
        this.delegate.forgetJob(jobId);
    }

    private record Tampering(int round, String participant, UnaryOperator<float[]> change) {

    }

}
