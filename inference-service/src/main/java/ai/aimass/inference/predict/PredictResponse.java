package ai.aimass.inference.predict;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code POST /v1/models/{name}:predict}.
 *
 * @param modelName the model name
 * @param modelVersion the concrete version that answered, also when an alias was asked
 * @param predictions one prediction per instance, in request order
 */
record PredictResponse(@JsonProperty("model_name") String modelName, @JsonProperty("model_version") String modelVersion,
        List<InstancePrediction> predictions) {

    /**
     * The prediction for one instance.
     *
     * @param label the most probable class
     * @param probabilities the probability of each class, in the model's class order
     * @param members each ensemble member's vote, present only when asked for with
     * {@code explain} and the model is an ensemble
     */
    record InstancePrediction(String label, Map<String, Double> probabilities,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<MemberVote> members) {
    }

    /**
     * How one member of an ensemble answered an instance.
     *
     * @param index the member's index in the ensemble
     * @param type the member type: mlp, logistic or tree
     * @param participant the participant whose rows trained it, or null when centralised
     * @param label the member's most probable class
     * @param probabilities the member's probability of each class
     * @param weight the member's weight in the combination
     */
    record MemberVote(int index, String type, String participant, String label, Map<String, Double> probabilities,
            double weight) {
    }

}
