package ai.aimass.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.aimass.inference.TestHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad prediction request is refused with a 4xx, a stable code and a message
 * that says what was expected, what was found and where; and the next valid request still
 * answers 200.
 */
class BadInputTests extends InferenceIntegrationTests {

    private static final String NAMED = "/v1/models/breast-cancer:predict";

    private static final String INFER = "/v2/models/breast-cancer/infer";

    private static final int MAX_REQUEST_BYTES = 1024 * 1024;

    @Test
    void unknownModelIsNotFound() {
        assertNamedRefused("/v1/models/no-such-model:predict", namedRequest(0), 404, "not_found",
                "model \"no-such-model\" not found");
        assertOipRefused("/v2/models/no-such-model/infer", inferRequest(0), 404, "not_found",
                "model \"no-such-model\" not found");
        assertRefusedThenRecovers(this.http.get("/v2/models/no-such-model", keyA()), 404, "not_found",
                "model \"no-such-model\" not found", true);
        assertRefusedThenRecovers(this.http.get("/v2/models/no-such-model/ready", keyA()), 404, "not_found",
                "model \"no-such-model\" not found", true);
    }

    @Test
    void unknownVersionOrAliasIsNotFound() {
        Map<String, Object> request = namedRequest(0);
        request.put("version", 9);
        assertNamedRefused(NAMED, request, 404, "not_found",
                "model \"breast-cancer\" has no version 9 (its latest is 2)");
        request.put("version", "staging");
        assertNamedRefused(NAMED, request, 404, "not_found",
                "model \"breast-cancer\" has no version or alias \"staging\"");
        assertOipRefused("/v2/models/breast-cancer/versions/9/infer", inferRequest(0), 404, "not_found",
                "model \"breast-cancer\" has no version 9");
        assertOipRefused("/v2/models/breast-cancer/versions/staging/infer", inferRequest(0), 404, "not_found",
                "has no version or alias \"staging\"");
        assertRefusedThenRecovers(this.http.get("/v2/models/breast-cancer/versions/0", keyA()), 404, "not_found",
                "has no version or alias \"0\"", true);
    }

    @Test
    void missingFeatureIsNamed() {
        Map<String, Object> request = namedRequest(0);
        patientOf(request).remove("mean_radius");
        assertNamedRefused(NAMED, request, 400, "invalid_input",
                "instances[0]: missing feature \"mean_radius\" (expected exactly the 30 features of the model)");
    }

    @Test
    void extraFeatureIsNamed() {
        Map<String, Object> request = namedRequest(0, 1);
        patientOf(request, 1).put("patient_age", 54);
        assertNamedRefused(NAMED, request, 400, "invalid_input",
                "instances[1]: unknown feature \"patient_age\" (expected exactly the 30 features of the model)");
    }

    @Test
    void misspelledFeatureIsNamedAsMissingAndUnknown() {
        Map<String, Object> request = namedRequest(0);
        Object value = patientOf(request).remove("mean_texture");
        patientOf(request).put("mean_textur", value);
        assertNamedRefused(NAMED, request, 400, "invalid_input",
                "instances[0]: missing feature \"mean_texture\"; unknown feature \"mean_textur\"");
    }

    @Test
    void stringWhereANumberBelongsIsRefused() {
        Map<String, Object> request = namedRequest(0);
        patientOf(request).put("mean_area", "large");
        assertNamedRefused(NAMED, request, 400, "invalid_input",
                "instances[0].mean_area: expected a number, found a string (\"large\")");
        Map<String, Object> infer = inferRequest(0);
        List<Object> data = new ArrayList<>(TestModels.get().patientValues(0));
        data.set(3, "1001");
        firstInput(infer).put("data", data);
        assertOipRefused(INFER, infer, 400, "invalid_input",
                "inputs[0].data[3]: expected a number, found a string (\"1001\")");
    }

    @Test
    void hugeFiniteNumberIsRefusedNamingItsFeature() {
        for (double huge : new double[] { 1e300, -1e300 }) {
            Map<String, Object> request = namedRequest(0);
            patientOf(request).put("mean_radius", huge);
            assertNamedRefused(NAMED, request, 400, "invalid_input",
                    "instances[0]: feature \"mean_radius\": " + "expected a finite number within the float32 range");
            Map<String, Object> infer = inferRequest(0);
            List<Object> data = new ArrayList<>(TestModels.get().patientValues(0));
            data.set(0, huge);
            firstInput(infer).put("data", data);
            firstInput(infer).put("datatype", "FP64");
            assertOipRefused(INFER, infer, 400, "invalid_input", "inputs[0].data row 0: feature \"mean_radius\": "
                    + "expected a finite number within the float32 range");
        }
    }

    @Test
    void fp32ValueBeyondTheFloat32RangeIsRefusedNamingItsIndex() {
        for (double beyond : new double[] { 1e39, 1e300 }) {
            Map<String, Object> request = inferRequest(0);
            List<Object> data = new ArrayList<>(TestModels.get().patientValues(0));
            data.set(0, beyond);
            firstInput(request).put("data", data);
            assertOipRefused(INFER, request, 400, "invalid_input",
                    "inputs[0].data[0]: expected a FP32 value (at most ±3.4028235e38), found " + beyond);
        }
        Map<String, Object> nested = inferRequest(0, 1);
        List<Object> second = new ArrayList<>(TestModels.get().patientValues(1));
        second.set(2, -1e39);
        firstInput(nested).put("data", List.of(TestModels.get().patientValues(0), second));
        assertOipRefused(INFER, nested, 400, "invalid_input",
                "inputs[0].data[1][2]: expected a FP32 value (at most ±3.4028235e38), found -1.0E39");
    }

    @Test
    void featuresThatOverflowTheNetworkAreRefusedNamingTheRow() {
        String message = "expected features within reach of the training data, found values too far outside it "
                + "for the model to give finite probabilities";
        Map<String, Object> request = namedRequest(0);
        @SuppressWarnings("unchecked")
        List<Object> instances = (List<Object>) request.get("instances");
        instances.add(TestModels.get().extremePatient(3e38));
        assertNamedRefused(NAMED, request, 400, "invalid_input", "instances[1]: " + message);
        Map<String, Object> infer = inferRequest(0);
        firstInput(infer).put("data", List.copyOf(TestModels.get().extremePatient(3e38).values()));
        firstInput(infer).put("datatype", "FP64");
        assertOipRefused(INFER, infer, 400, "invalid_input", "inputs[0].data row 0: " + message);
    }

    @Test
    void fieldGivenTwiceIsRefusedNamingIt() {
        String patient = TestHttp.JSON.writeValueAsString(TestModels.get().patient(0));
        String twice = patient.replaceFirst("^\\{", "{\"mean_radius\": 1.0, ");
        assertNamedRefused(NAMED, "{\"instances\": [" + twice + "]}", 400, "invalid_input",
                "instances[0].mean_radius: expected each field once, found it twice");
        assertNamedRefused(NAMED, "{\"version\": 1, \"instances\": [" + patient + "], \"version\": 2}", 400,
                "invalid_input", "version: expected each field once, found it twice");
        String infer = TestHttp.JSON.writeValueAsString(inferRequest(0));
        assertOipRefused(INFER, infer.replaceFirst("\"name\":\"input\"", "\"name\":\"input\",\"name\":\"input\""), 400,
                "invalid_input", "inputs[0].name: expected each field once, found it twice");
    }

    @Test
    void nullFeatureValueIsRefused() {
        Map<String, Object> request = namedRequest(0);
        patientOf(request).put("mean_area", null);
        assertNamedRefused(NAMED, request, 400, "invalid_input",
                "instances[0].mean_area: expected a number, found null");
    }

    @Test
    void shapeThatDisagreesWithTheDataIsRefused() {
        Map<String, Object> request = inferRequest(0);
        firstInput(request).put("data", TestModels.get().patientValues(0).subList(0, 29));
        assertOipRefused(INFER, request, 400, "invalid_input",
                "inputs[0].data: shape [1, 30] holds 30 values, found 29");
        Map<String, Object> tooMany = inferRequest(0, 1);
        firstInput(tooMany).put("shape", List.of(1, 30));
        assertOipRefused(INFER, tooMany, 400, "invalid_input",
                "inputs[0].data: shape [1, 30] holds 30 values, found 60");
    }

    @Test
    void negativeShapeIsRefused() {
        Map<String, Object> request = inferRequest(0);
        firstInput(request).put("shape", List.of(-1, 30));
        assertOipRefused(INFER, request, 400, "invalid_input",
                "inputs[0].shape[0]: expected a non-negative integer, found a number (-1)");
    }

    @Test
    void nonIntegerShapeIsRefused() {
        Map<String, Object> request = inferRequest(0);
        firstInput(request).put("shape", List.of(1, 30.5));
        assertOipRefused(INFER, request, 400, "invalid_input",
                "inputs[0].shape[1]: expected a non-negative integer, found a number (30.5)");
        firstInput(request).put("shape", List.of("1", 30));
        assertOipRefused(INFER, request, 400, "invalid_input",
                "inputs[0].shape[0]: expected a non-negative integer, found a string (\"1\")");
    }

    @Test
    void shapeOfWrongRankOrZeroRowsIsRefused() {
        Map<String, Object> request = inferRequest(0);
        firstInput(request).put("shape", List.of(30));
        assertOipRefused(INFER, request, 400, "invalid_input",
                "inputs[0].shape: expected [N, 30] (N rows of the model's 30 features), found 1 dimensions");
        firstInput(request).put("shape", List.of(0, 30));
        firstInput(request).put("data", List.of());
        assertOipRefused(INFER, request, 400, "invalid_input", "inputs[0].shape[0]: expected at least 1 row, found 0");
    }

    @Test
    void wrongFeatureCountIsRefused() {
        Map<String, Object> request = inferRequest(0);
        firstInput(request).put("shape", List.of(1, 29));
        firstInput(request).put("data", TestModels.get().patientValues(0).subList(0, 29));
        assertOipRefused(INFER, request, 400, "invalid_input",
                "inputs[0].shape[1]: expected 30 (the model's feature count), found 29");
    }

    @Test
    void unknownInputNameIsRefused() {
        Map<String, Object> request = inferRequest(0);
        firstInput(request).put("name", "input0");
        assertOipRefused(INFER, request, 400, "invalid_input",
                "inputs[0].name: expected \"input\" (the model's only input), found a string (\"input0\")");
    }

    @Test
    void unsupportedDatatypeIsRefused() {
        Map<String, Object> request = inferRequest(0);
        firstInput(request).put("datatype", "BYTES");
        assertOipRefused(INFER, request, 400, "invalid_input",
                "inputs[0].datatype: expected \"FP32\" (or \"FP64\"), found a string (\"BYTES\")");
    }

    @Test
    void unknownOutputNameIsRefused() {
        Map<String, Object> request = inferRequest(0);
        request.put("outputs", List.of(Map.of("name", "logits")));
        assertOipRefused(INFER, request, 400, "invalid_input",
                "outputs[0].name: expected \"label\" or \"probabilities\", found a string (\"logits\")");
    }

    @Test
    void missingInputsOrInstancesAreRefused() {
        assertOipRefused(INFER, Map.of("id", "1"), 400, "invalid_input",
                "inputs: expected an array holding the input \"input\", found nothing");
        assertNamedRefused(NAMED, Map.of("instances", List.of()), 400, "invalid_input",
                "instances: expected at least one instance, found an empty array");
        assertNamedRefused(NAMED, Map.of("instance", List.of()), 400, "invalid_input",
                "request body: unknown field \"instance\": expected only \"instances\" and, optionally, \"version\"");
    }

    @Test
    void emptyBodyIsRefused() {
        assertNamedRefused(NAMED, "", 400, "invalid_input", "request body is empty: expected a JSON object");
        assertOipRefused(INFER, "", 400, "invalid_input", "request body is empty: expected a JSON object");
    }

    @Test
    void nonJsonBodyIsRefused() {
        assertNamedRefused(NAMED, "instances=1", 400, "invalid_input",
                "request body is not valid JSON at line 1, column");
        assertOipRefused(INFER, "{\"inputs\": [", 400, "invalid_input", "request body is not valid JSON");
        assertOipRefused(INFER, "[1, 2]", 400, "invalid_input", "request body: expected a JSON object, found an array");
    }

    @Test
    void bodyOverTheLimitIsRefusedByItsLength() {
        String body = oversizedBody();
        assertNamedRefused(NAMED, body, 413, "payload_too_large", "request body is too large: expected at most "
                + MAX_REQUEST_BYTES + " bytes, found " + body.length() + " bytes");
        assertOipRefused(INFER, body, 413, "payload_too_large",
                "request body is too large: expected at most " + MAX_REQUEST_BYTES + " bytes");
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedWhileRead() {
        byte[] body = oversizedBody().getBytes();
        assertRefusedThenRecovers(this.http.postChunked(INFER, body, keyA()), 413, "payload_too_large",
                "request body is too large: expected at most " + MAX_REQUEST_BYTES + " bytes, found more than that",
                true);
    }

    @Test
    void badVersionFieldIsRefused() {
        Map<String, Object> request = namedRequest(0);
        request.put("version", 1.5);
        assertNamedRefused(NAMED, request, 400, "invalid_input",
                "version: expected a version number or an alias such as \"production\", found a number (1.5)");
    }

    private void assertNamedRefused(String path, Object body, int status, String code, String message) {
        assertRefusedThenRecovers(this.http.post(path, body, keyA()), status, code, message, false);
    }

    private void assertOipRefused(String path, Object body, int status, String code, String message) {
        assertRefusedThenRecovers(this.http.post(path, body, keyA()), status, code, message, true);
    }

    /**
     * Asserts the refusal and its body shape (problem details on /v1, the protocol's
     * error object on /v2), then that valid requests to both APIs still answer 200.
     */
    private void assertRefusedThenRecovers(Answer answer, int status, String code, String message,
            boolean openInference) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.get("code").stringValue()).isEqualTo(code);
        if (openInference) {
            assertThat(answer.contentType()).startsWith("application/json");
            assertThat(body.propertyNames()).containsExactly("error", "code");
            assertThat(body.get("error").stringValue()).contains(message);
        }
        else {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(body.get("status").intValue()).isEqualTo(status);
            assertThat(body.get("detail").stringValue()).contains(message);
        }
        assertThat(this.http.post(NAMED, namedRequest(0), keyA()).status()).isEqualTo(200);
        assertThat(this.http.post(INFER, inferRequest(0), keyA()).status()).isEqualTo(200);
    }

    private static String oversizedBody() {
        char[] padding = new char[MAX_REQUEST_BYTES + 100_000];
        Arrays.fill(padding, ' ');
        return "{\"instances\": []}" + new String(padding);
    }

    private static Map<String, Object> patientOf(Map<String, Object> request) {
        return patientOf(request, 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> patientOf(Map<String, Object> request, int index) {
        return ((List<Map<String, Object>>) request.get("instances")).get(index);
    }

}
