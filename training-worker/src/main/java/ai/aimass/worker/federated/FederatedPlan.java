package ai.aimass.worker.federated;

import java.util.List;
import java.util.UUID;

import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * Everything fixed for a job before it trains (a federated job, or an ensemble over one
 * dataset or several participants), worked out from the spec and the participants'
 * dataset profiles alone.
 *
 * @param jobId the job
 * @param tenantId the tenant that owns the job and its datasets
 * @param spec the job's spec, defaults applied
 * @param schema the job's schema, merged from the participants' schemas
 * @param preprocessor the feature encoding pooled from the participants' statistics
 * @param labels the union of the participants' label classes, in output order
 * @param participants the participants, in job order
 * @param parameterCount the length of the model's flat weight vector; 0 for an ensemble,
 * whose members each have their own
 * @param totalRounds the number of rounds the job runs
 */
public record FederatedPlan(UUID jobId, UUID tenantId, JobSpec spec, TabularSchema schema,
        FeaturePreprocessor preprocessor, List<String> labels, List<ParticipantDataset> participants,
        int parameterCount, int totalRounds) {

    public FederatedPlan {
        labels = List.copyOf(labels);
        participants = List.copyOf(participants);
    }

    /**
     * Returns the job's seed, from which every random choice of the job is derived.
     * @return the seed
     */
    public long seed() {
        return this.spec.training().seed();
    }

    /**
     * Returns what a participant's tasks read and how they prepare it.
     * @param participant one of {@link #participants()}
     * @return the participant's data assignment
     */
    public DataAssignment dataOf(ParticipantDataset participant) {
        return new DataAssignment(this.jobId, this.tenantId, participant, this.schema, this.preprocessor, this.labels,
                this.spec.training().validationFraction(), JobSeeds.split(seed(), participant.index()));
    }

}
