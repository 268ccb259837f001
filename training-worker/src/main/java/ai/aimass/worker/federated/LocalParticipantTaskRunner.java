package ai.aimass.worker.federated;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import ai.aimass.data.artifact.ArtifactNotFoundException;
import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.dl4j.training.LocalTrainer;
import ai.aimass.dl4j.training.LocalTrainingResult;
import ai.aimass.ml.federated.ClientUpdate;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.partition.TrainValidationSplit;
import ai.aimass.ml.partition.TrainValidationSplit.Split;
import ai.aimass.ml.preprocess.InvalidFeatureException;
import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.TabularDataException;
import ai.aimass.ml.tabular.TabularRows;
import ai.aimass.worker.queue.JobFailedException;

import org.springframework.stereotype.Component;

/**
 * Runs participants' tasks in this process, reading each participant's CSV file from the
 * artifact store.
 * <p>
 * A participant's file is parsed, encoded with the job's preprocessor and split once per
 * job, then kept in memory until {@link #forgetJob(UUID)}, so later rounds only train.
 */
@Component
public class LocalParticipantTaskRunner implements ParticipantTaskRunner {

    private final ArtifactStore artifacts;

    private final LocalTrainer trainer = new LocalTrainer();

    private final Map<Key, PreparedRowsHolder> preparedRows = new ConcurrentHashMap<>();

    public LocalParticipantTaskRunner(ArtifactStore artifacts) {
        this.artifacts = artifacts;
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
        return this.preparedRows.computeIfAbsent(key, (absent) -> new PreparedRowsHolder()).get(() -> prepare(data));
    }

    private PreparedRows prepare(DataAssignment data) {
        ParticipantDataset participant = data.participant();
        String where = "participant \"" + participant.name() + "\", dataset \"" + participant.datasetName() + "\"";
        try {
            byte[] csv = this.artifacts.get(data.tenantId(), participant.artifactSha256());
            CsvTable table = CsvParser.parse(new ByteArrayInputStream(csv), Math.max(1, csv.length));
            TabularRows rows = TabularRows.of(table, data.schema(), data.labels());
            double[][] features = data.preprocessor().encodeAll(rows.featureCells());
            Split split = TrainValidationSplit.split(rows.labelIndexes(), data.validationFraction(), data.splitSeed());
            if (split.validationRows().length == 0) {
                throw new JobFailedException(where + ": expected at least 1 validation row, found none of "
                        + rows.rowCount() + " rows with training.validationFraction " + data.validationFraction()
                        + "; raise it so that the global model can be scored");
            }
            return new PreparedRows(select(features, split.trainRows()), select(rows.labelIndexes(), split.trainRows()),
                    select(features, split.validationRows()), select(rows.labelIndexes(), split.validationRows()));
        }
        catch (ArtifactNotFoundException ex) {
            throw new JobFailedException(where + ": expected its file in the artifact store, found none", ex);
        }
        catch (TabularDataException | InvalidFeatureException ex) {
            throw new JobFailedException(where + ": " + ex.getMessage(), ex);
        }
    }

    private static double[][] select(double[][] rows, int[] indexes) {
        double[][] selected = new double[indexes.length][];
        for (int i = 0; i < indexes.length; i++) {
            selected[i] = rows[indexes[i]];
        }
        return selected;
    }

    private static int[] select(int[] values, int[] indexes) {
        int[] selected = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            selected[i] = values[indexes[i]];
        }
        return selected;
    }

    private record Key(UUID jobId, int participantIndex) {

    }

    /**
     * A participant's encoded rows, split once for the whole job.
     */
    private record PreparedRows(double[][] trainFeatures, int[] trainLabels, double[][] validationFeatures,
            int[] validationLabels) {

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
