package ai.aimass.ml.federated;

import java.util.Objects;

/**
 * The result of one participant's local training in a round: its new flat weight vector
 * and the number of examples it trained on.
 * <p>
 * The array is not copied; treat it as read-only once the update is made.
 *
 * @param participant the participant's name
 * @param weights the flat weights, in the model's parameter order
 * @param exampleCount the number of training examples, the participant's weight in FedAvg
 */
public record ClientUpdate(String participant, float[] weights, long exampleCount) {

    public ClientUpdate {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(weights, "weights");
    }

}
