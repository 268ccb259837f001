package ai.aimass.console.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JobSummaryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void showsABaggingEnsemblesSettingsAndNoFederatedOnes() {
        Map<String, String> settings = settingsOf("ensemble", """
                {"kind":"ensemble","training":{"epochs":20,"seed":42},
                 "ensemble":{"method":"bagging","datasetId":"%s","size":10,"bootstrapFraction":0.8,
                             "members":[{"type":"mlp","layers":[{"units":32},{"units":16}]},
                                {"type":"tree","maxDepth":4}],
                             "folds":null,"voting":null},
                 "publish":{"modelName":"bagged"}}""".formatted(UUID.randomUUID()));
        assertThat(settings).containsEntry("Method", "Bagging (bootstrap samples)")
            .containsEntry("Data", "one dataset")
            .containsEntry("Members", "10")
            .containsEntry("Member types", "neural network (MLP), layers 32, 16; decision tree, depth at most 4")
            .containsEntry("Bootstrap share", "0.8")
            .containsEntry("Epochs per member", "20")
            .doesNotContainKeys("Folds", "Voting", "Voting weights", "Rounds", "Strategy", "Hidden layers",
                    "Epochs per round");
    }

    @Test
    void countsTheMembersOfAVotingEnsembleAcrossParticipantsAndSaysItsWeights() {
        Map<String, String> settings = settingsOf("ensemble", """
                {"kind":"ensemble","training":{},
                 "ensemble":{"method":"voting","voting":"hard","members":[{"type":"logistic"},{"type":"tree"}],
                             "participants":[{"name":"a","datasetId":"%s"},{"name":"b","datasetId":"%s"}],
                             "weights":[1,2,1,2],"bias":[0.0,0.5]},
                 "publish":{"modelName":"voted"}}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(settings).containsEntry("Method", "Voting")
            .containsEntry("Voting", "hard")
            .containsEntry("Data", "2 participants, each member trained inside one")
            .containsEntry("Members", "4 (2 types at each of 2 participants)")
            .containsEntry("Voting weights", "1, 2, 1, 2; bias 0.0, 0.5")
            .doesNotContainKeys("Folds", "Bootstrap share");
    }

    @Test
    void showsAStackingEnsemblesFolds() {
        Map<String, String> settings = settingsOf("ensemble", """
                {"kind":"ensemble","training":{},
                 "ensemble":{"method":"stacking","datasetId":"%s","members":[{"type":"logistic"}],"folds":5},
                 "publish":{"modelName":"stacked"}}""".formatted(UUID.randomUUID()));
        assertThat(settings).containsEntry("Folds", "5").containsEntry("Members", "1").doesNotContainKey("Voting");
    }

    @Test
    void showsAFederatedJobsRoundsAndLayers() {
        Map<String, String> settings = settingsOf("federated", """
                {"kind":"federated","model":{"layers":[{"units":16,"activation":"relu"}]},"training":{"epochs":1},
                 "federation":{"rounds":3,"strategy":"fedavg","participants":[]},"publish":{"modelName":"m"}}""");
        assertThat(settings).containsEntry("Rounds", "3")
            .containsEntry("Hidden layers", "16 relu")
            .containsEntry("Epochs per round", "1")
            .doesNotContainKeys("Method", "Members");
    }

    private static Map<String, String> settingsOf(String kind, String spec) {
        Job job = new Job(UUID.randomUUID(), kind, "QUEUED", 0, 1, false, null, null, null, null, null,
                JSON.readTree(spec));
        Map<String, String> settings = new LinkedHashMap<>();
        JobSummary.of(job).settings().forEach((setting) -> settings.put(setting.label(), setting.value()));
        return settings;
    }

}
