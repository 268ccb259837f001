package ai.aimass.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One published version of a model.
 *
 * @param id the version id
 * @param version the version number, from 1
 * @param jobId the job that trained it, or null
 * @param metrics what the job measured, such as validation accuracy
 * @param provenance what made it: datasets and their digests, spec, seed, code version
 * @param inputSchema the features it takes, in order, and its label classes
 * @param weightsSha256 the SHA-256 of its weights
 * @param aliases the aliases that point at this version
 * @param createdAt when it was published
 */
record ModelVersionView(UUID id, int version, UUID jobId, Map<String, Object> metrics, Map<String, Object> provenance,
        Map<String, Object> inputSchema, String weightsSha256, List<String> aliases, Instant createdAt) {
}
