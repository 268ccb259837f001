package ai.aimass.worker.federated;

import java.util.UUID;

/**
 * A round once it is recorded, as {@link RoundListener}s see it.
 *
 * @param jobId the job
 * @param round the round, from 1
 * @param totalRounds the number of rounds of the job
 * @param participantsAnswered the number of participants whose update was aggregated
 * @param meanLoss the example-weighted mean of the participants' training losses
 * @param validationAccuracy the example-weighted mean validation accuracy of the new
 * global model
 * @param checkpointSha256 the digest of the stored global weights
 * @param durationMillis the wall time of the round
 * @param trainingMillis the wall time of the slowest participant's local training
 */
public record RecordedRound(UUID jobId, int round, int totalRounds, int participantsAnswered, double meanLoss,
        double validationAccuracy, String checkpointSha256, long durationMillis, long trainingMillis) {

}
