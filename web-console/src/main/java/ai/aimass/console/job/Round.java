package ai.aimass.console.job;

import java.time.Instant;
import java.util.List;

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
 * @param durationMillis wall time of the round
 * @param completedAt when it was recorded
 * @param participants each participant's metrics
 * @param member the ensemble member this step trained, or null for a federated round
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Round(int round, int participantsAnswered, int participantsAsked, Double meanLoss,
        Double validationAccuracy, long durationMillis, Instant completedAt, List<ParticipantRound> participants,
        Member member) {

    public Round {
        participants = (participants != null) ? participants : List.of();
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
