package ai.aimass.console.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.aimass.ml.spec.JobSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        assertThat(participants.get(1).get("name").asString()).as("an emptied name is sent empty, not made up")
            .isEmpty();
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

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = ';', value = { "bagging; central; method, datasetId, members, size",
            "bagging; federated; method, participants, members, size",
            "adaboost; central; method, datasetId, members, size",
            "stacking; central; method, datasetId, members, folds",
            "stacking; federated; method, participants, members", "voting; central; method, datasetId, members, voting",
            "voting; federated; method, participants, members, voting" })
    void sendsOnlyTheSettingsOfTheChosenMethodThoughTheFormHoldsThemAll(String method, String source,
            String expectedFields) {
        EnsembleJobForm form = ensembleForm(method, source);
        assertThat(form.getSize()).isNotBlank();
        assertThat(form.getFolds()).isNotBlank();
        assertThat(form.getVoting()).isNotBlank();
        JsonNode ensemble = JSON.readTree(JobSpecs.ensemble(form, JSON)).get("ensemble");
        List<String> fields = new ArrayList<>(ensemble.propertyNames());
        assertThat(fields).containsExactlyInAnyOrder(expectedFields.split(",\\s*"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({ "bagging, central", "bagging, federated", "adaboost, central", "stacking, central",
            "stacking, federated", "voting, central", "voting, federated" })
    void writesSpecsThatTheApisOwnChecksAccept(String method, String source) {
        JobSpec spec = JobSpec.fromJson(JobSpecs.ensemble(ensembleForm(method, source), JSON));
        assertThat(spec.validate()).isEmpty();
        assertThat(spec.ensemble().bootstrapFraction()).isEqualTo("bagging".equals(method) ? 1.0 : null);
    }

    @Test
    void leavesAdaBoostAcrossParticipantsForTheApiToRefuse() {
        JobSpec spec = JobSpec.fromJson(JobSpecs.ensemble(ensembleForm("adaboost", "federated"), JSON));
        assertThat(spec.validate()).singleElement()
            .asString()
            .startsWith("ensemble.participants: expected none for adaboost");
    }

    @Test
    void writesAStackingAcrossParticipantsWithTheirNamesAndNoFolds() {
        EnsembleJobForm form = ensembleForm("stacking", "federated");
        form.setDatasetId("ignored-when-federated");
        JsonNode ensemble = JSON.readTree(JobSpecs.ensemble(form, JSON)).get("ensemble");
        assertThat(ensemble.has("datasetId")).isFalse();
        assertThat(ensemble.has("folds")).isFalse();
        assertThat(ensemble.get("participants").get(0).get("name").asString()).isEqualTo("hospital-a");
        assertThat(ensemble.get("participants").get(1).get("name").asString()).isEqualTo("hospital-b");
        assertThat(ensemble.get("members").get(0).get("type").asString()).isEqualTo("logistic");
        assertThat(ensemble.get("members").get(1).get("type").asString()).isEqualTo("tree");
    }

    /** A form as a person leaves it: every method's field still holds its default. */
    private static EnsembleJobForm ensembleForm(String method, String source) {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        EnsembleJobForm form = new EnsembleJobForm();
        form.setMethod(method);
        form.setSource(source);
        form.setDatasetId(first);
        form.setDatasetIds(List.of(first, second));
        form.setNames(Map.of(first, "hospital-a", second, "hospital-b"));
        form.setMemberTypes(List.of("logistic", "tree"));
        form.setModelName("ensemble");
        return form;
    }

}
