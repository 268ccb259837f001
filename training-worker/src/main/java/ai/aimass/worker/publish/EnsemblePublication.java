package ai.aimass.worker.publish;

import java.util.List;
import java.util.UUID;

import ai.aimass.dl4j.ensemble.TrainedEnsemble;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * What a finished ensemble job hands to {@link ModelPublisher}: the trained ensemble and
 * everything its bundle and version record about it.
 *
 * @param jobId the job that trained the ensemble
 * @param tenantId the tenant that owns the job
 * @param spec the job's spec, with its publish block and seed
 * @param schema the input schema devices are coded against
 * @param preprocessor the feature encoding fixed for the job
 * @param labels the classes in output order
 * @param datasets the datasets that trained the members, in participant order
 * @param ensemble the members, their weights and the combiner
 */
public record EnsemblePublication(UUID jobId, UUID tenantId, JobSpec spec, TabularSchema schema,
        FeaturePreprocessor preprocessor, List<String> labels, List<DatasetProvenance> datasets,
        TrainedEnsemble ensemble) {

}
