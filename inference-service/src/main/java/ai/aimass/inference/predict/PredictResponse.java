package ai.aimass.inference.predict;

import java.util.List;
import java.util.Map;

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
     */
    record InstancePrediction(String label, Map<String, Double> probabilities) {
    }

}
