package ai.aimass.worker.federated;

import java.util.List;
import java.util.UUID;

import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * The rows a participant's tasks work on and how they prepare them: which file, how its
 * cells are encoded and how it is split into training and validation rows. It is the same
 * for every round of a job, so that the split never changes.
 *
 * @param jobId the job
 * @param tenantId the tenant that owns the dataset
 * @param participant the participant and its dataset
 * @param schema the job's schema, whose features and label column the task reads
 * @param preprocessor the job's feature encoding
 * @param labels the job's label classes, in output order
 * @param validationFraction the share of each class held out for validation
 * @param splitSeed the seed of the participant's train/validation split
 */
public record DataAssignment(UUID jobId, UUID tenantId, ParticipantDataset participant, TabularSchema schema,
        FeaturePreprocessor preprocessor, List<String> labels, double validationFraction, long splitSeed) {

    public DataAssignment {
        labels = List.copyOf(labels);
    }

}
