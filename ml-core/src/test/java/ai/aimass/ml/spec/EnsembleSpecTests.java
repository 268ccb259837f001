package ai.aimass.ml.spec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ensemble block of a job spec: defaults, K, and every rule that needs no data.
 */
class EnsembleSpecTests {

    private static final String DATASET = "\"datasetId\": \"00000000-0000-0000-0000-000000000001\"";

    private static final String TWO_PARTICIPANTS = "\"participants\": ["
            + "{\"name\": \"a\", \"datasetId\": \"00000000-0000-0000-0000-000000000001\"},"
            + "{\"name\": \"b\", \"datasetId\": \"00000000-0000-0000-0000-000000000002\"}]";

    @Test
    void appliesDefaultsAndWritesNoBlocksOfTheOtherKind() {
        JobSpec spec = ensemble("\"method\": \"bagging\", " + DATASET);
        assertThat(spec.validate()).isEmpty();
        assertThat(spec.model()).isNull();
        assertThat(spec.federation()).isNull();
        assertThat(spec.ensemble().memberCount()).isEqualTo(EnsembleSpec.DEFAULT_SIZE);
        assertThat(spec.ensemble().memberKind(3).type()).isEqualTo(MemberSpec.TYPE_MLP);
        assertThat(spec.ensemble().bootstrapFraction()).isEqualTo(1.0);
        assertThat(spec.totalSteps()).isEqualTo(10);
        String json = spec.toJson();
        assertThat(json).doesNotContain("\"model\"").doesNotContain("\"federation\"");
        assertThat(JobSpec.fromJson(json)).isEqualTo(spec);
    }

    @Test
    void baggingCyclesThroughItsMemberKinds() {
        EnsembleSpec spec = ensemble("\"method\": \"bagging\", " + DATASET + ", \"size\": 5, \"members\": "
                + "[{\"type\": \"tree\"}, {\"type\": \"logistic\"}]")
            .ensemble();
        assertThat(spec.memberCount()).isEqualTo(5);
        assertThat(spec.memberKind(0).type()).isEqualTo("tree");
        assertThat(spec.memberKind(3).type()).isEqualTo("logistic");
        assertThat(spec.memberKind(4).type()).isEqualTo("tree");
    }

    @Test
    void votingAcrossParticipantsHasEveryKindAtEveryParticipant() {
        JobSpec spec = ensemble("\"method\": \"voting\", " + TWO_PARTICIPANTS
                + ", \"members\": [{\"type\": \"tree\"}, {\"type\": \"logistic\"}, {\"type\": \"mlp\"}]");
        assertThat(spec.validate()).isEmpty();
        assertThat(spec.ensemble().acrossParticipants()).isTrue();
        assertThat(spec.ensemble().memberCount()).isEqualTo(6);
        assertThat(spec.validate(5)).containsExactly(
                "ensemble.members: expected at most 5 members in all, found 6 (3 kinds times 2 participants)");
    }

    @Test
    void refusesBothDataSourcesOrNeither() {
        assertThat(ensemble("\"method\": \"voting\"").validate())
            .containsExactly("ensemble.datasetId: expected a dataset id, or participants, found neither");
        assertThat(ensemble("\"method\": \"voting\", " + DATASET + ", " + TWO_PARTICIPANTS).validate())
            .containsExactly("ensemble.participants: expected either a datasetId or participants, found both");
    }

    @Test
    void refusesSizeThatDisagreesWithTheMembersOfStacking() {
        assertThat(ensemble("\"method\": \"stacking\", " + DATASET + ", \"size\": 4, \"members\": "
                + "[{\"type\": \"tree\"}, {\"type\": \"logistic\"}]")
            .validate())
            .containsExactly("ensemble.size: expected none or 2 for stacking, whose members are the listed member "
                    + "kinds, found 4");
    }

    @Test
    void refusesVotingSettingsForOtherMethodsAndABiasWithoutWeights() {
        assertThat(ensemble("\"method\": \"bagging\", " + DATASET + ", \"weights\": [1], \"bias\": [0, 0]").validate())
            .containsExactly("ensemble.weights: expected weights only for voting, found them for \"bagging\"",
                    "ensemble.bias: expected a bias only for voting, found one for \"bagging\"");
        assertThat(ensemble("\"method\": \"voting\", " + DATASET + ", \"bias\": [0, 0]").validate())
            .containsExactly("ensemble.bias: expected a bias only together with weights (absent, both are fitted), "
                    + "found a bias without weights");
    }

    @Test
    void refusesOutOfRangeMethodSettings() {
        assertThat(ensemble("\"method\": \"boosting\", " + DATASET).validate()).containsExactly(
                "ensemble.method: expected one of bagging, adaboost, stacking, voting, found \"boosting\"");
        assertThat(ensemble("\"method\": \"bagging\", " + DATASET + ", \"bootstrapFraction\": 1.5").validate())
            .containsExactly("ensemble.bootstrapFraction: expected a number greater than 0 and at most 1, found 1.5");
        assertThat(ensemble("\"method\": \"stacking\", " + DATASET + ", \"folds\": 1").validate())
            .containsExactly("ensemble.folds: expected an integer from 2 to 20, found 1");
        assertThat(ensemble("\"method\": \"voting\", " + DATASET + ", \"voting\": \"majority\"").validate())
            .containsExactly("ensemble.voting: expected one of soft, hard, found \"majority\"");
    }

    @Test
    void refusesSettingsOfAnotherMethodRatherThanIgnoringThem() {
        assertThat(ensemble("\"method\": \"voting\", " + DATASET + ", \"folds\": 5, \"bootstrapFraction\": 0.5")
            .validate())
            .containsExactly(
                    "ensemble.bootstrapFraction: expected none for voting (only bagging draws bootstrap samples), "
                            + "found 0.5",
                    "ensemble.folds: expected none for voting (only stacking uses folds), found 5");
        assertThat(ensemble("\"method\": \"stacking\", " + DATASET + ", \"voting\": \"hard\"").validate())
            .containsExactly(
                    "ensemble.voting: expected none for stacking (only voting has a voting mode), found " + "\"hard\"");
        assertThat(ensemble("\"method\": \"stacking\", " + TWO_PARTICIPANTS + ", \"folds\": 3").validate())
            .containsExactly("ensemble.folds: expected none for stacking (stacking across participants fits its "
                    + "meta-learner on their validation rows, without folds), found 3");
        JobSpec stacking = ensemble("\"method\": \"stacking\", " + DATASET);
        assertThat(stacking.ensemble().folds()).isEqualTo(EnsembleSpec.DEFAULT_FOLDS);
        assertThat(stacking.ensemble().voting()).isNull();
        assertThat(stacking.ensemble().size()).isNull();
    }

    @Test
    void boundsVotingWeightsAndBias() {
        assertThat(ensemble("\"method\": \"voting\", " + DATASET + ", \"weights\": [2e6], \"bias\": [1e308, -1]")
            .validate()).containsExactly("ensemble.weights[0]: expected a number from 0 to 1000000, found 2000000",
                    "ensemble.bias[0]: expected a number from -1000000 to 1000000, found 1.0E308");
    }

    @Test
    void refusesAParticipantNameWithAControlCharacterAndADatasetGivenTwice() {
        assertThat(ensemble("\"method\": \"voting\", \"participants\": ["
                + "{\"name\": \"a\\u0000\", \"datasetId\": \"00000000-0000-0000-0000-000000000001\"},"
                + "{\"name\": \"b\", \"datasetId\": \"00000000-0000-0000-0000-000000000001\"}]")
            .validate())
            .containsExactly(
                    "ensemble.participants[0].name: expected printable characters (names appear in logs, "
                            + "provenance and answers), found a control character (U+0000) at position 1",
                    "ensemble.participants[1].datasetId: expected each dataset once (its rows would count twice), "
                            + "found 00000000-0000-0000-0000-000000000001 as at index 0");
    }

    @Test
    void membersShowTheDefaultsOfTheirOwnType() {
        EnsembleSpec spec = ensemble("\"method\": \"voting\", " + DATASET
                + ", \"members\": [{\"type\": \"tree\"}, {\"type\": \"mlp\"}, {\"type\": \"logistic\"}]")
            .ensemble();
        assertThat(spec.members().get(0).maxDepth()).isEqualTo(MemberSpec.DEFAULT_MAX_DEPTH);
        assertThat(spec.members().get(0).minLeafSize()).isEqualTo(MemberSpec.DEFAULT_MIN_LEAF_SIZE);
        assertThat(spec.members().get(0).layers()).isNull();
        assertThat(spec.members().get(1).layers()).isEqualTo(ModelSpec.DEFAULT_LAYERS);
        assertThat(spec.members().get(2).layers()).isNull();
        assertThat(spec.members().get(2).maxDepth()).isNull();
    }

    @Test
    void refusesMemberFieldsOfAnotherTypeAndBadOverrides() {
        JobSpec spec = ensemble(
                "\"method\": \"voting\", " + DATASET + ", \"members\": [" + "{\"type\": \"logistic\", \"maxDepth\": 3},"
                        + "{\"type\": \"tree\", \"maxDepth\": 40, \"training\": {\"epochs\": 3}},"
                        + "{\"type\": \"mlp\", \"training\": {\"learningRate\": 0, \"epochs\": 5}},"
                        + "{\"type\": \"svm\"}," + "{\"type\": \"tree\", \"features\": [\"age\", \"age\", \"\"]}]");
        assertThat(spec.validate()).containsExactly(
                "ensemble.members[0].maxDepth: expected no value for a \"logistic\" member (only trees have one), "
                        + "found 3",
                "ensemble.members[1].maxDepth: expected an integer from 1 to 32, found 40",
                "ensemble.members[1].training: expected no training settings for a tree (trees are grown, not "
                        + "trained by gradient descent), found some",
                "ensemble.members[2].training.learningRate: expected a number greater than 0 and at most 10, found 0.0",
                "ensemble.members[3].type: expected one of mlp, logistic, tree, found \"svm\"",
                "ensemble.members[4].features[1]: expected each column once, found \"age\" again",
                "ensemble.members[4].features[2]: expected a column name, found \"\"");
    }

    @Test
    void aMemberTrainsWithTheJobsSettingsUnlessItOverridesThem() {
        TrainingSpec job = new TrainingSpec(20, 32, 0.01, "adam", 9L, 0.2);
        MemberSpec member = new MemberSpec("mlp", null, null, null, null, new MemberTraining(5, null, 0.1, null));
        assertThat(member.effectiveTraining(job)).isEqualTo(new TrainingSpec(5, 32, 0.1, "adam", 9L, 0.2));
        assertThat(new MemberSpec("logistic", null, null, null, null, null).effectiveTraining(job)).isEqualTo(job);
        assertThat(new MemberSpec("logistic", null, null, null, null, null).networkModel().layers()).isEmpty();
        assertThat(member.networkModel().layers()).isEqualTo(ModelSpec.DEFAULT_LAYERS);
    }

    private static JobSpec ensemble(String block) {
        return JobSpec
            .fromJson("{\"kind\": \"ensemble\", \"ensemble\": {" + block + "}, \"publish\": {\"modelName\": \"m\"}}");
    }

}
