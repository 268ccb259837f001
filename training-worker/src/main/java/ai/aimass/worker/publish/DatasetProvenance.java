package ai.aimass.worker.publish;

import java.util.UUID;

/**
 * A dataset that trained a model, as its version's provenance records it.
 *
 * @param participant the participant that holds it
 * @param datasetId the dataset's id
 * @param sha256 the SHA-256 of the dataset's file
 * @param rowCount the number of data rows
 */
public record DatasetProvenance(String participant, UUID datasetId, String sha256, int rowCount) {

}
