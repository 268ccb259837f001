package ai.aimass.worker.federated;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import ai.aimass.data.dataset.DatasetEntity;
import ai.aimass.data.dataset.DatasetRepository;
import ai.aimass.data.job.JobQueue.ClaimedJob;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.preprocess.ParticipantSchemas;
import ai.aimass.ml.preprocess.SchemaMismatchException;
import ai.aimass.ml.spec.InvalidSpecException;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.spec.ParticipantSpec;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.TabularSchema;
import ai.aimass.worker.queue.JobFailedException;
import tools.jackson.core.JacksonException;

import org.springframework.stereotype.Component;

/**
 * Works out a federated job's plan from its spec and its participants' dataset profiles:
 * the merged schema, one scaler pooled from the participants' sufficient statistics and
 * the union of their label classes. It reads no row of any participant.
 */
@Component
public class FederatedPlanner {

    private final DatasetRepository datasets;

    public FederatedPlanner(DatasetRepository datasets) {
        this.datasets = datasets;
    }

    /**
     * Plans a claimed job.
     * @param job the job
     * @return the plan
     * @throws JobFailedException when the spec is invalid, a dataset is missing from the
     * job's tenant or the participants' datasets do not share one schema
     */
    public FederatedPlan plan(ClaimedJob job) {
        JobSpec spec = readSpec(job.specJson());
        List<ParticipantSpec> specs = spec.federation().participants();
        return planParticipants(job, spec, specs, (index) -> "federation.participants[" + index + "].datasetId",
                (preprocessor, labels) -> {
                    long parameterCount = spec.model().parameterCount(preprocessor.inputWidth(), labels.size());
                    if (parameterCount > Integer.MAX_VALUE) {
                        throw new JobFailedException(
                                "model: expected a network of at most " + Integer.MAX_VALUE + " weights, found "
                                        + parameterCount + " for " + preprocessor.inputWidth() + " inputs");
                    }
                    return (int) parameterCount;
                });
    }

    /**
     * Plans a claimed ensemble job: its participants, or its one dataset as a single
     * participant named after the dataset.
     * @param job the job
     * @return the plan, whose parameter count is 0 (each member has its own)
     * @throws JobFailedException as {@link #plan(ClaimedJob)}
     */
    public FederatedPlan planEnsemble(ClaimedJob job) {
        JobSpec spec = readSpec(job.specJson());
        EnsembleSpec ensemble = spec.ensemble();
        if (ensemble.acrossParticipants()) {
            return planParticipants(job, spec, ensemble.participants(),
                    (index) -> "ensemble.participants[" + index + "].datasetId", (preprocessor, labels) -> 0);
        }
        DatasetEntity dataset = this.datasets.findByIdAndTenantId(ensemble.datasetId(), job.tenantId())
            .orElseThrow(() -> new JobFailedException("ensemble.datasetId: expected a dataset of the job's tenant, "
                    + "found none with id " + ensemble.datasetId()));
        return planParticipants(job, spec, List.of(new ParticipantSpec(dataset.getName(), dataset.getId())),
                (index) -> "ensemble.datasetId", (preprocessor, labels) -> 0);
    }

    private FederatedPlan planParticipants(ClaimedJob job, JobSpec spec, List<ParticipantSpec> specs,
            IntFunction<String> datasetPath, ParameterCounter parameterCounter) {
        List<ParticipantDataset> participants = new ArrayList<>();
        List<DatasetProfile> profiles = new ArrayList<>();
        for (int index = 0; index < specs.size(); index++) {
            DatasetEntity dataset = findDataset(job, specs.get(index), datasetPath.apply(index));
            participants.add(new ParticipantDataset(index, specs.get(index).name(), dataset.getId(), dataset.getName(),
                    dataset.getArtifactSha256(), dataset.getRowCount()));
            profiles.add(readProfile(dataset, specs.get(index)));
        }
        TabularSchema schema;
        FeaturePreprocessor preprocessor;
        try {
            schema = ParticipantSchemas.merge(profiles);
            preprocessor = FeaturePreprocessor.combine(schema, profiles);
        }
        catch (SchemaMismatchException ex) {
            throw new JobFailedException("The participants' datasets do not share one schema (participant \""
                    + specs.get(ex.participantIndex()).name() + "\"): " + ex.getMessage(), ex);
        }
        int parameterCount = parameterCounter.count(preprocessor, schema.labelClasses());
        return new FederatedPlan(job.id(), job.tenantId(), spec, schema, preprocessor, schema.labelClasses(),
                participants, parameterCount, job.totalRounds());
    }

    /**
     * Works out, or refuses, the length of a kind's weight vector once the encoding is
     * known.
     */
    @FunctionalInterface
    private interface ParameterCounter {

        int count(FeaturePreprocessor preprocessor, List<String> labels);

    }

    private static JobSpec readSpec(String specJson) {
        JobSpec spec;
        try {
            spec = JobSpec.fromJson(specJson);
        }
        catch (InvalidSpecException ex) {
            throw new JobFailedException("The job's spec could not be read: " + ex.getMessage(), ex);
        }
        // The API enforced its own member limit when the job was submitted.
        List<String> problems = spec.validate(Integer.MAX_VALUE);
        if (!problems.isEmpty()) {
            throw new JobFailedException("The job's spec is invalid: " + String.join("; ", problems));
        }
        return spec;
    }

    private DatasetEntity findDataset(ClaimedJob job, ParticipantSpec participant, String path) {
        return this.datasets.findByIdAndTenantId(participant.datasetId(), job.tenantId())
            .orElseThrow(() -> new JobFailedException(path + ": expected a dataset of the job's tenant, found none "
                    + "with id " + participant.datasetId() + " (participant \"" + participant.name() + "\")"));
    }

    private static DatasetProfile readProfile(DatasetEntity dataset, ParticipantSpec participant) {
        try {
            return MlJson.mapper().readValue(dataset.getStatisticsJson(), DatasetProfile.class);
        }
        catch (JacksonException ex) {
            throw new JobFailedException("The statistics of dataset \"" + dataset.getName() + "\" (participant \""
                    + participant.name() + "\") could not be read; upload the dataset again", ex);
        }
    }

}
