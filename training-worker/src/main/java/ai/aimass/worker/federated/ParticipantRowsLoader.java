package ai.aimass.worker.federated;

import java.io.ByteArrayInputStream;

import ai.aimass.data.artifact.ArtifactNotFoundException;
import ai.aimass.data.artifact.ArtifactStore;
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
 * Reads one participant's CSV file from the artifact store, encodes it with the job's
 * preprocessor and splits it into training and validation rows.
 * <p>
 * It is the only place where a participant's rows are read, and it reads one
 * participant's file per call.
 */
@Component
public class ParticipantRowsLoader {

    private final ArtifactStore artifacts;

    public ParticipantRowsLoader(ArtifactStore artifacts) {
        this.artifacts = artifacts;
    }

    /**
     * Loads a participant's rows.
     * @param data the participant and how to prepare its rows
     * @return the encoded, split rows
     * @throws JobFailedException when the file is missing, does not fit the job's schema
     * or leaves no validation row
     */
    public PreparedRows load(DataAssignment data) {
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

    /**
     * A participant's encoded rows, split once for the whole job.
     *
     * @param trainFeatures the encoded training rows
     * @param trainLabels their class indexes
     * @param validationFeatures the encoded validation rows
     * @param validationLabels their class indexes
     */
    public record PreparedRows(double[][] trainFeatures, int[] trainLabels, double[][] validationFeatures,
            int[] validationLabels) {

    }

}
