package ai.aimass.console.model;

import java.util.List;
import java.util.Map;

import ai.aimass.console.platform.PlatformClients;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * inference-service's named-feature predictions, called with the user's token.
 */
@Component
class PredictionClient {

    private final RestClient inference;

    PredictionClient(@Qualifier(PlatformClients.INFERENCE) RestClient inference) {
        this.inference = inference;
    }

    /**
     * Predicts one instance.
     * @param model the model name
     * @param version a version number or alias, or null for the service's default
     * @param features the feature values by name
     * @return the answer
     */
    PredictResponse predict(String model, String version, Map<String, Object> features) {
        Map<String, Object> body = (version != null) ? Map.of("instances", List.of(features), "version", version)
                : Map.of("instances", List.of(features));
        return this.inference.post()
            .uri("/v1/models/{name}:predict", model)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .retrieve()
            .body(PredictResponse.class);
    }

    /**
     * The answer of a prediction.
     *
     * @param modelName the model
     * @param modelVersion the concrete version that answered
     * @param predictions one per instance
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PredictResponse(@JsonProperty("model_name") String modelName,
            @JsonProperty("model_version") String modelVersion, List<InstancePrediction> predictions) {
    }

    /**
     * The prediction for one instance.
     *
     * @param label the most probable class
     * @param probabilities the probability of each class
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InstancePrediction(String label, Map<String, Double> probabilities) {
    }

}
