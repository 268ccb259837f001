package ai.aimass.api;

import ai.aimass.ml.spec.EnsembleSpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the control plane's REST API.
 *
 * @param maxDatasetBytes largest accepted dataset file; bare numbers are bytes
 * @param maxPageSize largest page a list endpoint answers
 * @param maxEnsembleMembers the most members (K) an ensemble job may have
 * @param maxModelParameters the most network weights a job may train: one federated
 * network's, or all of an ensemble's network members' together
 */
@ConfigurationProperties("aimass.api")
public record ApiProperties(DataSize maxDatasetBytes, Integer maxPageSize, Integer maxEnsembleMembers,
        Long maxModelParameters) {

    /**
     * The default weight budget: 10 million float32 weights, 40 MB per copy, of which a
     * worker holds a few (weights, gradients, optimiser state) per member training at
     * once.
     */
    public static final long DEFAULT_MAX_MODEL_PARAMETERS = 10_000_000;

    /** The default dataset size limit. */
    public static final DataSize DEFAULT_MAX_DATASET_BYTES = DataSize.ofMegabytes(50);

    /** The default largest page. */
    public static final int DEFAULT_MAX_PAGE_SIZE = 100;

    public ApiProperties {
        maxDatasetBytes = (maxDatasetBytes != null) ? maxDatasetBytes : DEFAULT_MAX_DATASET_BYTES;
        maxPageSize = (maxPageSize != null) ? maxPageSize : DEFAULT_MAX_PAGE_SIZE;
        maxEnsembleMembers = (maxEnsembleMembers != null) ? maxEnsembleMembers : EnsembleSpec.DEFAULT_MAX_MEMBERS;
        maxModelParameters = (maxModelParameters != null) ? maxModelParameters : DEFAULT_MAX_MODEL_PARAMETERS;
        if (maxModelParameters < 1) {
            throw new IllegalArgumentException(
                    "aimass.api.max-model-parameters: expected at least 1, found " + maxModelParameters);
        }
        if (maxEnsembleMembers < 1) {
            throw new IllegalArgumentException(
                    "aimass.api.max-ensemble-members: expected at least 1, found " + maxEnsembleMembers);
        }
        if (maxDatasetBytes.toBytes() <= 0) {
            throw new IllegalArgumentException(
                    "aimass.api.max-dataset-bytes: expected a positive size, found " + maxDatasetBytes);
        }
    }

}
