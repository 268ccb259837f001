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
        assertThat(ensemble("\"method\": \"boosting\", " + DATASET
                + ", \"bootstrapFraction\": 1.5, \"folds\": 1, \"voting\": \"majority\"")
            .validate()).containsExactly(
                    "ensemble.method: expected one of bagging, adaboost, stacking, voting, " + "found \"boosting\"",
                    "ensemble.bootstrapFraction: expected a number greater than 0 and at most 1, found 1.5",
                    "ensemble.folds: expected an integer from 2 to 20, found 1",
                    "ensemble.voting: expected one of soft, hard, found \"majority\"");
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
