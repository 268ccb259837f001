package ai.aimass.worker.federated;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import ai.aimass.worker.federated.ParticipantRowsLoader.PreparedRows;

import ai.aimass.dl4j.training.LocalTrainer;
import ai.aimass.dl4j.training.LocalTrainingResult;
import ai.aimass.ml.federated.ClientUpdate;
import ai.aimass.ml.metrics.ClassificationMetrics;

import org.springframework.stereotype.Component;

/**
 * Runs participants' tasks in this process, reading each participant's CSV file from the
 * artifact store through the {@link ParticipantRowsLoader}.
 * <p>
 * A participant's file is parsed, encoded with the job's preprocessor and split once per
 * job, then kept in memory until {@link #forgetJob(UUID)}, so later rounds only train.
 */
@Component
public class LocalParticipantTaskRunner implements ParticipantTaskRunner {

    private final ParticipantRowsLoader loader;

    private final LocalTrainer trainer = new LocalTrainer();

    private final Map<Key, PreparedRowsHolder> preparedRows = new ConcurrentHashMap<>();

    public LocalParticipantTaskRunner(ParticipantRowsLoader loader) {
        this.loader = loader;
    }

    @Override
    public TrainingOutcome train(RoundTask task) {
        DataAssignment data = task.data();
        PreparedRows rows = rowsOf(data);
        LocalTrainingResult result = this.trainer.train(task.model(), task.training(), task.globalWeights(),
                rows.trainFeatures(), rows.trainLabels(), data.labels().size(), task.trainingSeed());
        ClientUpdate update = new ClientUpdate(data.participant().name(), result.weights(), result.exampleCount());
        return new TrainingOutcome(update, result.meanLoss(), result.trainingNanos());
    }

    @Override
    public EvaluationOutcome evaluate(EvaluationTask task) {
        DataAssignment data = task.data();
        PreparedRows rows = rowsOf(data);
        double[][] probabilities = LocalTrainer.predictProbabilities(task.model(), task.weights(),
                data.preprocessor().inputWidth(), data.labels().size(), rows.validationFeatures());
        int[] predicted = ClassificationMetrics.argmax(probabilities);
        return new EvaluationOutcome(rows.validationLabels().length,
                ClassificationMetrics.accuracy(rows.validationLabels(), predicted),
                ClassificationMetrics.logLoss(rows.validationLabels(), probabilities));
    }

    @Override
    public void forgetJob(UUID jobId) {
        this.preparedRows.keySet().removeIf((key) -> key.jobId().equals(jobId));
    }

    private PreparedRows rowsOf(DataAssignment data) {
        Key key = new Key(data.jobId(), data.participant().index());
        return this.preparedRows.computeIfAbsent(key, (absent) -> new PreparedRowsHolder())
            .get(() -> this.loader.load(data));
    }

    private record Key(UUID jobId, int participantIndex) {

    }

    /**
     * Prepares a participant's rows once, while tasks of other participants prepare
     * theirs at the same time.
     */
    private static final class PreparedRowsHolder {

        private PreparedRows rows;

        synchronized PreparedRows get(Supplier<PreparedRows> preparation) {
            if (this.rows == null) {
                this.rows = Objects.requireNonNull(preparation.get());
            }
            return this.rows;
        }

    }

}
