package ai.aimass.worker.publish;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * What a finished job hands to {@link ModelPublisher}: the trained weights and everything
 * a bundle and its version record about them.
 *
 * @param jobId the job that trained the model
 * @param tenantId the tenant that owns the job
 * @param spec the job's spec, with its publish block and seed
 * @param schema the input schema devices are coded against
 * @param preprocessor the feature encoding fixed for the job
 * @param labels the classes in output order
 * @param datasets the datasets that trained the model, in participant order
 * @param weights the final global weights
 * @param metrics metrics of the final model, such as its validation accuracy
 */
public record ModelPublication(UUID jobId, UUID tenantId, JobSpec spec, TabularSchema schema,
        FeaturePreprocessor preprocessor, List<String> labels, List<DatasetProvenance> datasets, float[] weights,
        Map<String, Object> metrics) {

}
