package ai.aimass.standalone.demo;

import java.time.Duration;
import java.util.List;

/**
 * What one demo run produced and measured.
 *
 * @param datasetIds the three hospitals' datasets, then the pooled one
 * @param federatedJobId the federated job
 * @param pooledJobId the one-participant baseline job
 * @param federatedVersion version of the federated model this run published
 * @param pooledVersion version of the pooled model this run published
 * @param federatedWeightsSha256 digest of the federated model's weights
 * @param federatedAccuracyNamed held-out accuracy through the named-feature API
 * @param federatedAccuracyOpenInference held-out accuracy through the Open Inference
 * Protocol
 * @param pooledAccuracy held-out accuracy of the pooled baseline
 * @param apiKey the device key the run created
 * @param wallTime how long the run took
 */
public record DemoReport(List<String> datasetIds, String federatedJobId, String pooledJobId, int federatedVersion,
        int pooledVersion, String federatedWeightsSha256, double federatedAccuracyNamed,
        double federatedAccuracyOpenInference, double pooledAccuracy, String apiKey, Duration wallTime) {
}
