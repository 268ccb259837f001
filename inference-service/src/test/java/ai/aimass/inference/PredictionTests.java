package ai.aimass.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.aimass.dl4j.bundle.BundleCodec;
import ai.aimass.dl4j.bundle.ModelBundles;
import ai.aimass.dl4j.predict.ModelPredictor;
import ai.aimass.dl4j.predict.Prediction;
import ai.aimass.dl4j.predict.TabularPredictor;
import ai.aimass.inference.TestHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both prediction APIs end to end: they agree with each other and with the bundle's own
 * predictor, follow aliases, and name the concrete version that answered.
 */
class PredictionTests extends InferenceIntegrationTests {

    /** Benign and malignant patients of the data file (0-based rows, header excluded). */
    private static final int[] PATIENTS = { 0, 1, 19, 20, 21 };

    @Test
    void bothApisAnswerWhatTheBundlePredictorAnswers() {
        TabularPredictor predictor = new TabularPredictor(BundleCodec.read(TestModels.get().secondBundle()));
        List<String> labels = predictor.manifest().labels();
        for (int row : PATIENTS) {
            Prediction expected = predictor.predictRows(List.of(TestModels.get().patientValues(row))).get(0);
            Map<String, Object> named = namedRequest(row);
            named.put("version", 2);
            JsonNode namedPrediction = okJson(this.http.post("/v1/models/breast-cancer:predict", named, keyA()))
                .get("predictions")
                .get(0);
            JsonNode outputs = okJson(
                    this.http.post("/v2/models/breast-cancer/versions/2/infer", inferRequest(row), keyA()))
                .get("outputs");
            assertThat(namedPrediction.get("label").stringValue()).isEqualTo(expected.label());
            assertThat(outputs.get(0).get("data").get(0).stringValue()).isEqualTo(expected.label());
            for (int c = 0; c < labels.size(); c++) {
                double probability = expected.probabilities()[c];
                assertThat(namedPrediction.get("probabilities").get(labels.get(c)).doubleValue())
                    .isEqualTo(probability);
                assertThat(outputs.get(1).get("data").get(c).floatValue()).isEqualTo((float) probability);
            }
        }
    }

    @Test
    void anEnsembleExplainsEachMembersVoteWhenAsked() {
        ModelPredictor predictor = ModelBundles.readPredictor(TestModels.get().ensembleBundle());
        Prediction expected = predictor.predictRows(List.of(TestModels.get().patientValues(20)), true).get(0);
        Map<String, Object> request = namedRequest(20);
        request.put("explain", true);
        JsonNode prediction = okJson(this.http.post("/v1/models/breast-cancer-ensemble:predict", request, keyA()))
            .get("predictions")
            .get(0);
        assertThat(prediction.get("label").stringValue()).isEqualTo(expected.label());
        JsonNode members = prediction.get("members");
        assertThat(members).hasSize(2);
        for (int k = 0; k < 2; k++) {
            JsonNode member = members.get(k);
            assertThat(member.get("index").intValue()).isEqualTo(k);
            assertThat(member.get("type").stringValue()).isEqualTo(expected.members().get(k).type());
            assertThat(member.get("label").stringValue()).isEqualTo(expected.members().get(k).label());
            assertThat(member.get("weight").doubleValue()).isEqualTo(expected.members().get(k).weight());
            assertThat(member.get("probabilities").get("malignant").doubleValue())
                .isEqualTo(expected.members().get(k).probabilities()[1]);
        }
        assertThat(members.get(0).get("type").stringValue()).isEqualTo("logistic");
        assertThat(members.get(1).get("type").stringValue()).isEqualTo("tree");

        JsonNode unexplained = okJson(
                this.http.post("/v1/models/breast-cancer-ensemble:predict", namedRequest(20), keyA()))
            .get("predictions")
            .get(0);
        assertThat(unexplained.has("members")).isFalse();
        assertThat(unexplained.get("label").stringValue()).isEqualTo(expected.label());
        Map<String, Object> network = namedRequest(20);
        network.put("explain", true);
        assertThat(okJson(this.http.post("/v1/models/breast-cancer:predict", network, keyA())).get("predictions")
            .get(0)
            .has("members")).as("a single network has no members").isFalse();
    }

    @Test
    void anExplainedProtocolAnswerAddsTheMembersAsTwoTensors() {
        ModelPredictor predictor = ModelBundles.readPredictor(TestModels.get().ensembleBundle());
        List<Prediction> expected = predictor
            .predictRows(List.of(TestModels.get().patientValues(0), TestModels.get().patientValues(20)), true);
        Map<String, Object> request = inferRequest(0, 20);
        request.put("parameters", Map.of("explain", true));
        Answer answer = this.http.post("/v2/models/breast-cancer-ensemble/infer",
                TestHttp.JSON.writeValueAsString(request), keyA());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(OipSchemas.violations("inference_response", answer.text())).isEmpty();
        JsonNode outputs = answer.json().get("outputs");
        assertThat(outputs).hasSize(4);
        JsonNode labels = outputs.get(2);
        assertThat(labels.get("name").stringValue()).isEqualTo("member_labels");
        assertThat(ints(labels.get("shape"))).containsExactly(2, 2);
        assertThat(labels.at("/parameters/member_types").stringValue()).isEqualTo("logistic,tree");
        assertThat(labels.at("/parameters/member_participants").stringValue()).isEqualTo("[null,null]");
        JsonNode probabilities = outputs.get(3);
        assertThat(probabilities.get("name").stringValue()).isEqualTo("member_probabilities");
        assertThat(ints(probabilities.get("shape"))).containsExactly(2, 2, 2);
        for (int row = 0; row < 2; row++) {
            for (int k = 0; k < 2; k++) {
                assertThat(labels.get("data").get(row * 2 + k).stringValue())
                    .isEqualTo(expected.get(row).members().get(k).label());
                assertThat(probabilities.get("data").get(row * 4 + k * 2 + 1).floatValue())
                    .isEqualTo((float) expected.get(row).members().get(k).probabilities()[1]);
            }
        }
        JsonNode plain = okJson(this.http.post("/v2/models/breast-cancer-ensemble/infer", inferRequest(0), keyA()))
            .get("outputs");
        assertThat(plain).hasSize(2);
        JsonNode metadata = okJson(this.http.get("/v2/models/breast-cancer-ensemble", keyA()));
        assertThat(metadata.at("/properties/ensemble_method").stringValue()).isEqualTo("voting");
        assertThat(metadata.at("/properties/ensemble_members").stringValue()).isEqualTo("2");
    }

    @Test
    void explainMustBeABoolean() {
        Map<String, Object> request = namedRequest(20);
        request.put("explain", "yes");
        Answer answer = this.http.post("/v1/models/breast-cancer-ensemble:predict", request, keyA());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").stringValue())
            .isEqualTo("explain: expected true or false, found a string (\"yes\")");
        Map<String, Object> inference = inferRequest(20);
        inference.put("parameters", Map.of("explain", 1));
        Answer protocol = this.http.post("/v2/models/breast-cancer-ensemble/infer",
                TestHttp.JSON.writeValueAsString(inference), keyA());
        assertThat(protocol.status()).isEqualTo(400);
        assertThat(protocol.json().get("error").stringValue())
            .isEqualTo("parameters.explain: expected true or false, found a number (1)");
    }

    @Test
    void predictionsMatchTheTrueDiagnosisOfMostPatients() {
        int[] rows = new int[100];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i * 5;
        }
        JsonNode predictions = okJson(this.http.post("/v1/models/breast-cancer:predict", namedRequest(rows), keyA()))
            .get("predictions");
        int correct = 0;
        for (int i = 0; i < rows.length; i++) {
            if (predictions.get(i).get("label").stringValue().equals(TestModels.get().diagnosis(rows[i]))) {
                correct++;
            }
        }
        assertThat(predictions.size()).isEqualTo(rows.length);
        assertThat(correct).isGreaterThanOrEqualTo(85);
    }

    @Test
    void namedResponseHasTheDocumentedShape() {
        JsonNode body = okJson(this.http.post("/v1/models/breast-cancer:predict", namedRequest(0, 20), keyA()));
        assertThat(body.propertyNames()).containsExactly("model_name", "model_version", "predictions");
        assertThat(body.get("model_name").stringValue()).isEqualTo("breast-cancer");
        assertThat(body.get("predictions").size()).isEqualTo(2);
        JsonNode first = body.get("predictions").get(0);
        assertThat(first.propertyNames()).containsExactly("label", "probabilities");
        assertThat(first.get("probabilities").propertyNames()).containsExactly("benign", "malignant");
        double sum = first.get("probabilities").get("benign").doubleValue()
                + first.get("probabilities").get("malignant").doubleValue();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void requestWithoutVersionIsAnsweredByTheProductionAlias() {
        assertThat(namedVersion(TestWorld.MODEL, null)).isEqualTo("1");
        assertThat(inferVersion("/v2/models/breast-cancer/infer")).isEqualTo("1");
    }

    @Test
    void requestWithoutVersionOfModelWithoutAliasIsAnsweredByTheLatestVersion() {
        assertThat(namedVersion(TestWorld.UNALIASED_MODEL, null)).isEqualTo("2");
        assertThat(inferVersion("/v2/models/breast-cancer-unaliased/infer")).isEqualTo("2");
    }

    @Test
    void explicitVersionOrAliasIsAnsweredWithTheConcreteVersion() {
        assertThat(namedVersion(TestWorld.MODEL, 2)).isEqualTo("2");
        assertThat(namedVersion(TestWorld.MODEL, "2")).isEqualTo("2");
        assertThat(namedVersion(TestWorld.MODEL, "production")).isEqualTo("1");
        assertThat(inferVersion("/v2/models/breast-cancer/versions/1/infer")).isEqualTo("1");
        assertThat(inferVersion("/v2/models/breast-cancer/versions/2/infer")).isEqualTo("2");
        assertThat(inferVersion("/v2/models/breast-cancer/versions/production/infer")).isEqualTo("1");
    }

    @Test
    void movedAliasIsFollowedByTheNextRequest() {
        assertThat(namedVersion(TestWorld.MOVING_MODEL, null)).isEqualTo("1");
        assertThat(inferVersion("/v2/models/breast-cancer-moving/versions/production/infer")).isEqualTo("1");
        this.registry.moveAlias(this.world.movingFirst.modelId(), TestWorld.MOVING_MODEL, "production",
                this.world.movingSecond.versionId(), false);
        try {
            assertThat(namedVersion(TestWorld.MOVING_MODEL, null)).isEqualTo("2");
            assertThat(inferVersion("/v2/models/breast-cancer-moving/versions/production/infer")).isEqualTo("2");
            assertThat(inferVersion("/v2/models/breast-cancer-moving/infer")).isEqualTo("2");
        }
        finally {
            this.registry.moveAlias(this.world.movingFirst.modelId(), TestWorld.MOVING_MODEL, "production",
                    this.world.movingFirst.versionId(), false);
        }
        assertThat(namedVersion(TestWorld.MOVING_MODEL, null)).isEqualTo("1");
    }

    @Test
    void versionsOneAndTwoGiveDifferentProbabilities() {
        Map<String, Object> first = namedRequest(0);
        first.put("version", 1);
        Map<String, Object> second = namedRequest(0);
        second.put("version", 2);
        JsonNode one = okJson(this.http.post("/v1/models/breast-cancer:predict", first, keyA()));
        JsonNode two = okJson(this.http.post("/v1/models/breast-cancer:predict", second, keyA()));
        assertThat(one.at("/predictions/0/probabilities/malignant").doubleValue())
            .isNotEqualTo(two.at("/predictions/0/probabilities/malignant").doubleValue());
    }

    @Test
    void inferenceRequestAndResponseFollowTheProtocolSchemas() {
        Map<String, Object> request = inferRequest(0, 20, 21);
        request.put("id", "request-42");
        request.put("parameters", Map.of("note", "from a test"));
        String requestJson = TestHttp.JSON.writeValueAsString(request);
        assertThat(OipSchemas.violations("inference_request", requestJson)).isEmpty();
        Answer answer = this.http.post("/v2/models/breast-cancer/infer", requestJson, keyA());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(OipSchemas.violations("inference_response", answer.text())).isEmpty();
        JsonNode body = answer.json();
        assertThat(body.get("model_name").stringValue()).isEqualTo("breast-cancer");
        assertThat(body.get("model_version").stringValue()).isEqualTo("1");
        assertThat(body.get("id").stringValue()).isEqualTo("request-42");
        JsonNode label = body.get("outputs").get(0);
        assertThat(label.get("name").stringValue()).isEqualTo("label");
        assertThat(label.get("datatype").stringValue()).isEqualTo("BYTES");
        assertThat(ints(label.get("shape"))).containsExactly(3);
        assertThat(label.get("data").size()).isEqualTo(3);
        JsonNode probabilities = body.get("outputs").get(1);
        assertThat(probabilities.get("name").stringValue()).isEqualTo("probabilities");
        assertThat(probabilities.get("datatype").stringValue()).isEqualTo("FP32");
        assertThat(ints(probabilities.get("shape"))).containsExactly(3, 2);
        assertThat(probabilities.get("data").size()).isEqualTo(6);
        assertThat(probabilities.at("/parameters/label_names").stringValue()).isEqualTo("benign,malignant");
    }

    @Test
    void schemaValidationRejectsAResponseWithoutOutputs() {
        assertThat(OipSchemas.violations("inference_response", "{\"model_name\":\"m\"}")).isNotEmpty();
        assertThat(OipSchemas.violations("inference_request",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1],\"datatype\":\"FP32\",\"data\":[{\"x\":1}]}]}"))
            .isNotEmpty();
    }

    @Test
    void responseWithoutRequestIdCarriesNoId() {
        JsonNode body = okJson(this.http.post("/v2/models/breast-cancer/infer", inferRequest(0), keyA()));
        assertThat(body.has("id")).isFalse();
    }

    @Test
    void nestedAndFlatDataOfEitherFloatTypeGiveTheSameAnswer() {
        JsonNode flat = okJson(this.http.post("/v2/models/breast-cancer/infer", inferRequest(0, 20), keyA()));
        Map<String, Object> nested = inferRequest(0, 20);
        firstInput(nested).put("datatype", "FP64");
        firstInput(nested).put("data", List.of(TestModels.get().patientValues(0), TestModels.get().patientValues(20)));
        JsonNode fromNested = okJson(this.http.post("/v2/models/breast-cancer/infer", nested, keyA()));
        assertThat(fromNested.get("outputs")).isEqualTo(flat.get("outputs"));
    }

    @Test
    void requestedOutputsAloneAreAnswered() {
        Map<String, Object> request = inferRequest(0);
        request.put("outputs", List.of(Map.of("name", "probabilities")));
        JsonNode outputs = okJson(this.http.post("/v2/models/breast-cancer/infer", request, keyA())).get("outputs");
        assertThat(outputs.size()).isEqualTo(1);
        assertThat(outputs.get(0).get("name").stringValue()).isEqualTo("probabilities");
    }

    @Test
    void metadataDescribesTheTensorsAndFollowsTheProtocolSchema() {
        for (String path : List.of("/v2/models/breast-cancer", "/v2/models/breast-cancer/versions/production")) {
            Answer answer = this.http.get(path, keyA());
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(OipSchemas.violations("metadata_model_response", answer.text())).isEmpty();
            JsonNode body = answer.json();
            assertThat(body.get("name").stringValue()).isEqualTo("breast-cancer");
            assertThat(strings(body.get("versions"))).containsExactly("1", "2");
            assertThat(body.get("platform").stringValue()).isEqualTo("aimass_dl4j");
            assertThat(body.at("/inputs/0/name").stringValue()).isEqualTo("input");
            assertThat(body.at("/inputs/0/datatype").stringValue()).isEqualTo("FP32");
            assertThat(ints(body.at("/inputs/0/shape"))).containsExactly(-1, 30);
            assertThat(body.at("/outputs/0/name").stringValue()).isEqualTo("label");
            assertThat(body.at("/outputs/0/datatype").stringValue()).isEqualTo("BYTES");
            assertThat(ints(body.at("/outputs/0/shape"))).containsExactly(-1);
            assertThat(body.at("/outputs/1/name").stringValue()).isEqualTo("probabilities");
            assertThat(body.at("/outputs/1/datatype").stringValue()).isEqualTo("FP32");
            assertThat(ints(body.at("/outputs/1/shape"))).containsExactly(-1, 2);
            assertThat(body.at("/properties/model_version").stringValue()).isEqualTo("1");
            assertThat(body.at("/properties/feature_names").stringValue())
                .isEqualTo(String.join(",", TestModels.get().schema().featureNames()));
            assertThat(body.at("/properties/label_names").stringValue()).isEqualTo("benign,malignant");
        }
        JsonNode second = okJson(this.http.get("/v2/models/breast-cancer/versions/2", keyA()));
        assertThat(second.at("/properties/model_version").stringValue()).isEqualTo("2");
    }

    @Test
    void metadataOfAModelWithACategoricalFeatureAdvertisesNoTensorInputAndSaysWhy() {
        String model = TestWorld.CATEGORICAL_MODEL;
        for (String path : List.of("/v2/models/" + model, "/v2/models/" + model + "/versions/1")) {
            Answer answer = this.http.get(path, keyA());
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(OipSchemas.violations("metadata_model_response", answer.text())).isEmpty();
            JsonNode body = answer.json();
            assertThat(body.get("inputs").isArray()).isTrue();
            assertThat(body.get("inputs").size()).isZero();
            assertThat(body.at("/outputs/0/name").stringValue()).isEqualTo("label");
            assertThat(body.at("/outputs/1/name").stringValue()).isEqualTo("probabilities");
            assertThat(body.at("/properties/inputs_note").stringValue())
                .isEqualTo("categorical features: use POST /v1/models/" + model + ":predict with named features");
            assertThat(body.at("/properties/feature_names").stringValue()).endsWith("," + TestModels.SIDE_COLUMN);
        }
        JsonNode numeric = okJson(this.http.get("/v2/models/breast-cancer", keyA()));
        assertThat(numeric.get("properties").has("inputs_note")).isFalse();
    }

    @Test
    void modelWithACategoricalFeatureAnswersTheNamedApiButRefusesATensor() {
        String model = TestWorld.CATEGORICAL_MODEL;
        Map<String, Object> instance = new LinkedHashMap<>(TestModels.get().patient(0));
        instance.put(TestModels.SIDE_COLUMN, "left");
        Answer named = this.http.post("/v1/models/" + model + ":predict", Map.of("instances", List.of(instance)),
                keyA());
        assertThat(named.status()).as(named.text()).isEqualTo(200);
        List<Object> values = new ArrayList<>(TestModels.get().patientValues(0));
        values.add(0.0);
        Map<String, Object> input = Map.of("name", "input", "datatype", "FP32", "shape", List.of(1, values.size()),
                "data", values);
        Map<String, Object> tensor = Map.of("inputs", List.of(input));
        Answer infer = this.http.post("/v2/models/" + model + "/infer", tensor, keyA());
        assertThat(infer.status()).as(infer.text()).isEqualTo(400);
        assertThat(infer.json().get("code").stringValue()).isEqualTo("invalid_input");
        assertThat(infer.json().get("error").stringValue())
            .isEqualTo("inputs[0]: this model has categorical features, which a numeric tensor cannot carry; "
                    + "expected named features at POST /v1/models/{name}:predict");
    }

    @Test
    void modelReadinessAnswers200ForAServableVersion() {
        JsonNode ready = okJson(this.http.get("/v2/models/breast-cancer/ready", keyA()));
        assertThat(ready.get("ready").booleanValue()).isTrue();
        assertThat(ready.get("version").stringValue()).isEqualTo("1");
        JsonNode second = okJson(this.http.get("/v2/models/breast-cancer/versions/2/ready", keyA()));
        assertThat(second.get("version").stringValue()).isEqualTo("2");
    }

    private String namedVersion(String model, Object version) {
        Map<String, Object> request = namedRequest(0);
        if (version != null) {
            request.put("version", version);
        }
        return okJson(this.http.post("/v1/models/" + model + ":predict", request, keyA())).get("model_version")
            .stringValue();
    }

    private String inferVersion(String path) {
        return okJson(this.http.post(path, inferRequest(0), keyA())).get("model_version").stringValue();
    }

    static JsonNode okJson(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach((value) -> values.add(value.intValue()));
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach((value) -> values.add(value.stringValue()));
        return values;
    }

}
