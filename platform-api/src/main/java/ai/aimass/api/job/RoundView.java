package ai.aimass.api.job;

import java.time.Instant;
import java.util.List;

import ai.aimass.data.job.JobRoundEntity;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One step of a job: an aggregated round of a federated job, or one trained member of an
 * ensemble job (then {@code member} says which, and the metrics are the member's).
 *
 * @param round the round number, from 1
 * @param participantsAnswered participants whose update was aggregated
 * @param participantsAsked participants asked to train
 * @param meanLoss the example-weighted mean of the participants' local training loss, or
 * null for a member without one (a tree)
 * @param validationAccuracy the example-weighted mean of the participants' validation
 * accuracy of the new global model
 * @param durationMillis wall time of the round
 * @param trainingMillis wall time of the slowest participant's local training
 * @param completedAt when the round was recorded
 * @param participants each participant's metrics, in participant order
 * @param member the ensemble member this step trained, or null for a federated round
 */
record RoundView(int round, int participantsAnswered, int participantsAsked, Double meanLoss, double validationAccuracy,
        long durationMillis, long trainingMillis, Instant completedAt, List<ParticipantMetrics> participants,
        MemberView member) {

    private static final JsonMapper METRICS_MAPPER = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private static final TypeReference<List<ParticipantMetrics>> METRICS_TYPE = new TypeReference<>() {
    };

    /**
     * Reads a stored step.
     * @param round the row
     * @return its view
     */
    static RoundView from(JobRoundEntity round) {
        return new RoundView(round.getRoundNumber(), round.getParticipantsAnswered(), round.getParticipantsAsked(),
                round.getMeanLoss(), round.getValidationAccuracy(), round.getDurationMillis(),
                round.getTrainingMillis(), round.getCompletedAt(),
                METRICS_MAPPER.readValue(round.getParticipantMetricsJson(), METRICS_TYPE),
                (round.getMemberJson() != null) ? METRICS_MAPPER.readValue(round.getMemberJson(), MemberView.class)
                        : null);
    }

    /**
     * The ensemble member that a step trained.
     *
     * @param index the member's index in the ensemble
     * @param type its type: mlp, logistic or tree
     * @param participant the participant whose rows trained it, or null when centralised
     * @param seed its seed
     */
    record MemberView(Integer index, String type, String participant, Long seed) {
    }

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
