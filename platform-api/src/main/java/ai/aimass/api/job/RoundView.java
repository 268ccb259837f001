package ai.aimass.api.job;

import java.time.Instant;
import java.util.List;

/**
 * One aggregated round of a federated job.
 *
 * @param round the round number, from 1
 * @param participantsAnswered participants whose update was aggregated
 * @param participantsAsked participants asked to train
 * @param meanLoss the example-weighted mean of the participants' local training loss
 * @param validationAccuracy the example-weighted mean of the participants' validation
 * accuracy of the new global model
 * @param durationMillis wall time of the round
 * @param trainingMillis wall time of the slowest participant's local training
 * @param completedAt when the round was recorded
 * @param participants each participant's metrics, in participant order
 */
record RoundView(int round, int participantsAnswered, int participantsAsked, double meanLoss, double validationAccuracy,
        long durationMillis, long trainingMillis, Instant completedAt, List<ParticipantMetrics> participants) {

    /**
     * One participant's part in a round.
     *
     * @param participant the participant's name
     * @param exampleCount rows it trained on
     * @param validationCount rows of its validation split
     * @param loss its mean local training loss
     * @param validationAccuracy the new global model's accuracy on its validation split
     */
    record ParticipantMetrics(String participant, Long exampleCount, Long validationCount, Double loss,
            Double validationAccuracy) {
    }

}
