package ai.aimass.worker.federated;

import java.util.UUID;

/**
 * A participant of a job and the dataset it trains on, as the coordinator knows it:
 * names, ids, the digest of the file and its row count, never its rows.
 *
 * @param index the participant's position in the job's participant list
 * @param name the participant's name in the job
 * @param datasetId the id of its dataset
 * @param datasetName the name of its dataset in the tenant
 * @param artifactSha256 the SHA-256 of the dataset's CSV file in the artifact store
 * @param rowCount the number of data rows of the file
 */
public record ParticipantDataset(int index, String name, UUID datasetId, String datasetName, String artifactSha256,
        int rowCount) {

}
