package ai.aimass.standalone.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Sends held-out patients to the inference service, as a device would, and scores the
 * answers against the true labels.
 */
final class HeldOutScorer {

    private final JsonHttp http;

    private final String inferenceUrl;

    private final String authorization;

    private final List<String> header;

    private final int labelIndex;

    HeldOutScorer(JsonHttp http, String inferenceUrl, String apiKey, List<String> header, String labelColumn) {
        this.http = http;
        this.inferenceUrl = inferenceUrl;
        this.authorization = "Bearer " + apiKey;
        this.header = header;
        this.labelIndex = header.indexOf(labelColumn);
    }

    /**
     * One answer: the label and, where the API gives them by name, the class
     * probabilities.
     */
    record Prediction(String label, Map<String, Double> probabilities) {
    }

    /** The answers, the version that gave them and their accuracy. */
    record Score(List<Prediction> predictions, String version, double accuracy) {
    }

    /**
     * {@code POST /v1/models/{m}:predict} with every patient as named features, in one
     * request.
     */
    Score scoreNamedFeatures(String model, List<List<String>> patients) {
        List<Map<String, Object>> instances = new ArrayList<>();
        for (List<String> patient : patients) {
            Map<String, Object> instance = new LinkedHashMap<>();
            for (int c = 0; c < this.header.size(); c++) {
                if (c != this.labelIndex) {
                    instance.put(this.header.get(c), Double.parseDouble(patient.get(c)));
                }
            }
            instances.add(instance);
        }
        JsonNode body = this.http.expect(this.http.postJson(this.inferenceUrl + "/v1/models/" + model + ":predict",
                this.authorization, Map.of("instances", instances)), 200, "Predicting with " + model)
            .body();
        List<Prediction> predictions = new ArrayList<>();
        for (JsonNode prediction : body.path("predictions")) {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            prediction.path("probabilities")
                .properties()
                .forEach((entry) -> probabilities.put(entry.getKey(), entry.getValue().asDouble()));
            predictions.add(new Prediction(prediction.path("label").asString(), probabilities));
        }
        return score(predictions, body.path("model_version").asString(), patients);
    }

    /**
     * {@code POST /v2/models/{m}/infer}: one FP32 tensor of shape [N, F], features in
     * schema order.
     */
    Score scoreOpenInference(String model, List<List<String>> patients) {
        List<Double> data = new ArrayList<>();
        for (List<String> patient : patients) {
            for (int c = 0; c < this.header.size(); c++) {
                if (c != this.labelIndex) {
                    data.add(Double.parseDouble(patient.get(c)));
                }
            }
        }
        Map<String, Object> input = Map.of("name", "input", "datatype", "FP32", "shape",
                List.of(patients.size(), this.header.size() - 1), "data", data);
        JsonNode body = this.http.expect(this.http.postJson(this.inferenceUrl + "/v2/models/" + model + "/infer",
                this.authorization, Map.of("id", "held-out", "inputs", List.of(input))), 200, "Inferring with " + model)
            .body();
        List<Prediction> predictions = new ArrayList<>();
        for (JsonNode output : body.path("outputs")) {
            if (output.path("name").asString().equals("label")) {
                output.path("data").forEach((label) -> predictions.add(new Prediction(label.asString(), Map.of())));
            }
        }
        return score(predictions, body.path("model_version").asString(), patients);
    }

    private Score score(List<Prediction> predictions, String version, List<List<String>> patients) {
        if (predictions.size() != patients.size()) {
            throw new DemoException("Expected " + patients.size() + " predictions, found " + predictions.size());
        }
        int correct = 0;
        for (int i = 0; i < patients.size(); i++) {
            if (predictions.get(i).label().equals(patients.get(i).get(this.labelIndex))) {
                correct++;
            }
        }
        return new Score(predictions, version, (double) correct / patients.size());
    }

}
