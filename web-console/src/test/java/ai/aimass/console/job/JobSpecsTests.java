package ai.aimass.console.job;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JobSpecsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesTheFederatedFormAsAJobSpec() {
        FederatedJobForm form = new FederatedJobForm();
        form.setDatasetIds(List.of("d1", "d2"));
        form.setNames(Map.of("d1", "hospital-a", "d2", " "));
        form.setLayers("32, 16");
        form.setRounds("3");
        form.setLearningRate("0.05");
        form.setModelName("breast-cancer");
        form.setAlias("");
        JsonNode spec = JSON.readTree(JobSpecs.federated(form, JSON));
        assertThat(spec.get("kind").asString()).isEqualTo("federated");
        assertThat(spec.get("model").get("layers").get(1).get("units").asInt()).isEqualTo(16);
        assertThat(spec.get("model").get("layers").get(1).get("activation").asString()).isEqualTo("relu");
        assertThat(spec.get("federation").get("rounds").isIntegralNumber()).isTrue();
        assertThat(spec.get("training").get("learningRate").asDouble()).isEqualTo(0.05);
        JsonNode participants = spec.get("federation").get("participants");
        assertThat(participants.get(0).get("name").asString()).isEqualTo("hospital-a");
        assertThat(participants.get(1).get("name").asString()).as("an empty name falls back to the id").isEqualTo("d2");
        assertThat(spec.get("publish").has("alias")).as("an empty alias is left out").isFalse();
    }

    @Test
    void sendsWhatIsNotANumberAsTextForTheApiToName() {
        FederatedJobForm form = new FederatedJobForm();
        form.setRounds("many");
        JsonNode spec = JSON.readTree(JobSpecs.federated(form, JSON));
        assertThat(spec.get("federation").get("rounds").isString()).isTrue();
        assertThat(spec.get("federation").get("rounds").asString()).isEqualTo("many");
    }

    @Test
    void writesTheEnsembleFormWithOnlyItsMethodsSettings() {
        EnsembleJobForm form = new EnsembleJobForm();
        form.setMethod("voting");
        form.setDatasetId("d1");
        form.setMemberTypes(List.of("mlp", "tree"));
        form.setModelName("ensemble");
        JsonNode ensemble = JSON.readTree(JobSpecs.ensemble(form, JSON)).get("ensemble");
        assertThat(ensemble.get("method").asString()).isEqualTo("voting");
        assertThat(ensemble.get("datasetId").asString()).isEqualTo("d1");
        assertThat(ensemble.has("participants")).isFalse();
        assertThat(ensemble.has("size")).isFalse();
        assertThat(ensemble.get("voting").asString()).isEqualTo("soft");
        assertThat(ensemble.get("members").get(0).get("layers").get(0).get("units").asInt()).isEqualTo(16);
        assertThat(ensemble.get("members").get(1).get("maxDepth").asInt()).isEqualTo(6);
    }

}
