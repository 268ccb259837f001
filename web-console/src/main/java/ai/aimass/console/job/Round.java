package ai.aimass.console.job;

import java.time.Instant;
import java.util.List;

import ai.aimass.console.web.FixedDecimals;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One recorded step of a job: an aggregated federated round, or a trained ensemble
 * member.
 *
 * @param round the step number, from 1
 * @param participantsAnswered participants whose update was aggregated
 * @param participantsAsked participants asked
 * @param meanLoss the mean local training loss, or null for a member without one
 * @param validationAccuracy the mean validation accuracy of the new global model
 * @param durationMillis wall time of the round; for a member, the time since the step
 * before, which is near nothing for members that trained side by side
 * @param trainingMillis for a member, how long it trained
 * @param completedAt when it was recorded
 * @param participants each participant's metrics
 * @param member the ensemble member this step trained, or null for a federated round
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Round(int round, int participantsAnswered, int participantsAsked, Double meanLoss,
        Double validationAccuracy, long durationMillis, long trainingMillis, Instant completedAt,
        List<ParticipantRound> participants, Member member) {

    public Round {
        participants = (participants != null) ? participants : List.of();
    }

    // The three texts below are what job.js writes for a row that arrives live, so that a
    // reload shows the same row.

    /** The mean loss with four decimals, or "–" without one. */
    public String lossText() {
        return (this.meanLoss != null) ? FixedDecimals.of(this.meanLoss, 4) : "–";
    }

    /** The validation accuracy as a percentage with one decimal, or "–" without one. */
    public String accuracyText() {
        return (this.validationAccuracy != null) ? FixedDecimals.of(100 * this.validationAccuracy, 1) + " %" : "–";
    }

    /**
     * The wall time of a round, or how long a member trained, in seconds with one
     * decimal.
     */
    public String tookText() {
        long millis = (this.member != null) ? this.trainingMillis : this.durationMillis;
        return FixedDecimals.of(millis / 1000.0, 1) + " s";
    }

    /**
     * The ensemble member that a step trained.
     *
     * @param index its index in the ensemble, from 0
     * @param type {@code mlp}, {@code logistic} or {@code tree}
     * @param participant the participant whose rows trained it, or null when it trained
     * on one dataset
     * @param seed its seed
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(Integer index, String type, String participant, Long seed) {

        /** The member type as the ensemble form names it. */
        public String typeLabel() {
            if (this.type == null) {
                return "–";
            }
            return switch (this.type) {
                case "mlp" -> "Neural network (MLP)";
                case "logistic" -> "Logistic regression";
                case "tree" -> "Decision tree";
                default -> this.type;
            };
        }

    }

    /**
     * One participant's part in a round.
     *
     * @param participant its name
     * @param exampleCount rows it trained on
     * @param validationCount rows it validated on
     * @param loss its local training loss
     * @param validationAccuracy the global model's accuracy on its validation rows
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ParticipantRound(String participant, Long exampleCount, Long validationCount, Double loss,
            Double validationAccuracy) {
    }

}
