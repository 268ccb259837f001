package ai.aimass.ml.spec;

import java.util.List;
import java.util.UUID;

import ai.aimass.ml.json.MlJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobSpecTests {

    private static final String VALID = """
            {
              "kind": "federated",
              "model": {"layers": [{"units": 16, "activation": "relu"}]},
              "training": {"epochs": 2},
              "federation": {"participants": [
                {"name": "hospital-a", "datasetId": "00000000-0000-0000-0000-000000000001"},
                {"name": "hospital-b", "datasetId": "00000000-0000-0000-0000-000000000002"}
              ], "rounds": 5},
              "publish": {"modelName": "breast-cancer", "alias": "production"}
            }
            """;

    @Test
    void appliesDefaultsToAbsentFields() {
        JobSpec spec = JobSpec.fromJson(VALID);
        assertThat(spec.training()).isEqualTo(new TrainingSpec(2, 32, 0.01, "adam", 42L, 0.2));
        assertThat(spec.model().outputActivation()).isEqualTo("softmax");
        assertThat(spec.federation().strategy()).isEqualTo("fedavg");
        assertThat(spec.federation().maxUpdateNorm()).isEqualTo(1.0e6);
        assertThat(spec.federation().participants().get(1).datasetId())
            .isEqualTo(UUID.fromString("00000000-0000-0000-0000-000000000002"));
        assertThat(spec.validate()).isEmpty();
    }

    @Test
    void appliesDefaultsToAbsentBlocks() {
        JobSpec spec = JobSpec.fromJson("{\"kind\": \"federated\"}");
        assertThat(spec.model()).isEqualTo(new ModelSpec(List.of(new LayerSpec(32, "relu")), "softmax"));
        assertThat(spec.training()).isEqualTo(TrainingSpec.defaults());
        assertThat(spec.federation().rounds()).isEqualTo(10);
        assertThat(spec.model().layers().get(0).activation()).isEqualTo("relu");
    }

    @Test
    void writesCompleteSpecWithFieldsInDeclarationOrder() {
        String json = JobSpec.fromJson(VALID).toJson();
        assertThat(json).startsWith("{\"kind\":\"federated\",\"model\":{\"layers\":[{\"units\":16,\"activation\":"
                + "\"relu\"}],\"outputActivation\":\"softmax\"},\"training\":{\"epochs\":2,\"batchSize\":32,"
                + "\"learningRate\":0.01,\"optimizer\":\"adam\",\"seed\":42,\"validationFraction\":0.2},"
                + "\"federation\":{\"participants\":[{\"name\":\"hospital-a\"");
        assertThat(JobSpec.fromJson(json)).isEqualTo(JobSpec.fromJson(VALID));
        assertThat(JobSpec.fromJson(json).toJson()).isEqualTo(json);
    }

    @Test
    void reportsEveryProblemWithItsFieldPath() {
        JobSpec spec = JobSpec.fromJson("""
                {
                  "kind": "gossip",
                  "model": {"layers": [{"units": 8}, {"units": -3, "activation": "gelu"}]},
                  "training": {"epochs": 0, "optimizer": "rmsprop", "validationFraction": 0.7},
                  "federation": {"participants": [], "rounds": 0},
                  "publish": {"modelName": "Bad Name", "alias": "7"}
                }
                """);
        assertThat(spec.validate()).containsExactly("kind: expected one of federated, ensemble, found \"gossip\"",
                "model.layers[1].units: expected 1 to 4096, found -3",
                "model.layers[1].activation: expected one of relu, tanh, sigmoid, identity, leakyrelu, found \"gelu\"",
                "training.epochs: expected an integer from 1 to 1000, found 0",
                "training.optimizer: expected one of adam, sgd, nesterovs, found \"rmsprop\"",
                "training.validationFraction: expected a number greater than 0 and at most 0.5, found 0.7",
                "federation.participants: expected at least 1 participant, found none",
                "federation.rounds: expected an integer from 1 to 1000, found 0",
                "publish.modelName: expected lowercase letters, digits and dashes (1 to 100), found \"Bad Name\"",
                "publish.alias: expected lowercase letters, digits and dashes (1 to 100) with at least one letter, "
                        + "found \"7\"");
    }

    @Test
    void rejectsValidationFractionOfZeroAsNothingToValidateOn() {
        assertThat(JobSpec.fromJson("{\"training\": {\"validationFraction\": 0}}").validate())
            .filteredOn((problem) -> problem.startsWith("training."))
            .containsExactly("training.validationFraction: expected a number greater than 0 and at most 0.5, found 0");
    }

    @Test
    void asksForAnyAcceleratorUnlessTheSpecNamesOne() {
        assertThat(JobSpec.fromJson(VALID).resources().accelerator()).isEqualTo("any");
        JobSpec gpu = JobSpec.fromJson(VALID.replaceFirst("\\{", "{\"resources\": {\"accelerator\": \"gpu\"}, "));
        assertThat(gpu.resources().accelerator()).isEqualTo("gpu");
        assertThat(gpu.validate()).isEmpty();
        assertThat(JobSpec.fromJson(gpu.toJson()).resources().accelerator()).isEqualTo("gpu");
        JobSpec tpu = JobSpec.fromJson(VALID.replaceFirst("\\{", "{\"resources\": {\"accelerator\": \"tpu\"}, "));
        assertThat(tpu.validate())
            .containsExactly("resources.accelerator: expected one of any, gpu, cpu, found \"tpu\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "   ", "\u00a0", "\u200b", "\u3000\ufeff", "\t\u2003" })
    void rejectsAParticipantNameWithNothingVisible(String name) {
        JobSpec spec = JobSpec.fromJson("""
                {"kind": "federated", "publish": {"modelName": "m"}, "federation": {"participants": [
                  {"name": %s, "datasetId": "00000000-0000-0000-0000-000000000001"}
                ]}}
                """.formatted(MlJson.mapper().writeValueAsString(name)));
        assertThat(spec.validate()).containsExactly("federation.participants[0].name: expected 1 to 100 characters, "
                + "at least one of them visible, found " + name.length() + " characters, none visible");
        assertThat(ParticipantSpec.isVisible("a\u00a0b")).isTrue();
    }

    @Test
    void rejectsDuplicateParticipantNamesAndMissingDataset() {
        JobSpec spec = JobSpec.fromJson("""
                {"kind": "federated", "publish": {"modelName": "m"}, "federation": {"participants": [
                  {"name": "a", "datasetId": "00000000-0000-0000-0000-000000000001"},
                  {"name": "a"}
                ]}}
                """);
        assertThat(spec.validate()).containsExactly(
                "federation.participants[1].datasetId: expected a dataset id, " + "found none",
                "federation.participants[1].name: expected a name unique among participants, found \"a\" as at "
                        + "index 0");
    }

    @Test
    void requiresKindAndModelName() {
        assertThat(JobSpec
            .fromJson("{\"federation\": {\"participants\": [{\"name\": \"a\", \"datasetId\": "
                    + "\"00000000-0000-0000-0000-000000000001\"}]}}")
            .validate()).containsExactly("kind: expected one of federated, ensemble, found none",
                    "publish.modelName: expected lowercase letters, digits and dashes (1 to 100), found none");
    }

    @Test
    void throwsEveryProblemFromRequireValid() {
        JobSpec spec = JobSpec.fromJson("{\"kind\": \"federated\", \"publish\": {\"modelName\": \"m\"}}");
        assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(spec::requireValid)
            .withMessage("federation.participants: expected at least 1 participant, found none")
            .extracting(InvalidSpecException::problems)
            .isEqualTo(List.of("federation.participants: expected at least 1 participant, found none"));
    }

    @Test
    void namesFieldGivenTwice() {
        assertUnreadable("{\"kind\": \"federated\", \"kind\": \"federated\"}",
                "kind: expected each field once, found it twice");
        assertUnreadable("{\"federation\": {\"participants\": [{\"name\": \"a\", \"name\": \"b\"}]}}",
                "federation.participants[0].name: expected each field once, found it twice");
    }

    @Test
    void namesFieldWithWrongType() {
        assertUnreadable("{\"federation\": {\"rounds\": \"ten\"}}",
                "federation.rounds: expected an integer, found a string (\"ten\")");
        assertUnreadable("{\"training\": {\"epochs\": 1.5}}",
                "training.epochs: expected an integer, found a number (1.5)");
        assertUnreadable("{\"model\": {\"layers\": [{\"units\": 4}, {\"units\": true}]}}",
                "model.layers[1].units: expected an integer, found a boolean");
        assertUnreadable("{\"model\": {\"layers\": {\"units\": 4}}}",
                "model.layers: expected an array, found an object");
        assertUnreadable("{\"kind\": 3}", "kind: expected a string, found a number (3)");
    }

    @Test
    void namesFieldWhoseIntegerIsOutOfRange() {
        assertUnreadable("{\"federation\": {\"rounds\": 1000000000000000000000000000000}}",
                "federation.rounds: expected an integer, found a number out of range "
                        + "(1000000000000000000000000000000)");
        assertUnreadable("{\"training\": {\"seed\": 1180591620717411303424}}",
                "training.seed: expected an integer, found a number out of range (1180591620717411303424)");
        assertUnreadable("{\"model\": {\"layers\": [{\"units\": 4}, {\"units\": -3000000000}]}}",
                "model.layers[1].units: expected an integer, found a number out of range (-3000000000)");
    }

    @Test
    void namesLayerWithoutUnits() {
        assertUnreadable("{\"model\": {\"layers\": [{\"activation\": \"relu\"}]}}",
                "model.layers[0].units: expected a value, found none");
    }

    @Test
    void namesMalformedDatasetId() {
        assertUnreadable("{\"federation\": {\"participants\": [{\"name\": \"a\", \"datasetId\": \"xyz\"}]}}",
                "federation.participants[0].datasetId: expected a UUID, found a string (\"xyz\")");
        assertUnreadable("{\"kind\": \"ensemble\", \"ensemble\": {\"datasetId\": 5}}",
                "ensemble.datasetId: expected a UUID, found a number (5)");
    }

    @Test
    void namesUnknownField() {
        assertThatExceptionOfType(InvalidSpecException.class)
            .isThrownBy(() -> JobSpec.fromJson("{\"training\": {\"epoch\": 3}}"))
            .withMessageStartingWith("training.epoch: expected only the fields ")
            .withMessageContaining("epochs")
            .withMessageEndingWith(", found an unknown field");
    }

    @Test
    void namesPositionOfSyntaxError() {
        assertUnreadable("{\"kind\": \"federated\",,}",
                "(root): expected well-formed JSON, found a syntax error at line 1, column 22");
        assertUnreadable("  ", "(root): expected a JSON object, found nothing");
        assertUnreadable("[1]", "(root): expected an object, found an array");
    }

    private static void assertUnreadable(String json, String message) {
        assertThatExceptionOfType(InvalidSpecException.class).isThrownBy(() -> JobSpec.fromJson(json))
            .withMessage(message);
    }

}
