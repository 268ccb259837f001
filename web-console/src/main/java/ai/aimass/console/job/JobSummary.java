package ai.aimass.console.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What a person wants to read of a job's spec, in place of the spec itself.
 *
 * @param settings label and value of each setting, in reading order
 * @param participants the participants and their datasets
 */
record JobSummary(List<Setting> settings, List<Participant> participants) {

    private static final Map<String, String> METHODS = Map.of("bagging", "Bagging (bootstrap samples)", "adaboost",
            "AdaBoost", "stacking", "Stacking (meta-learner)", "voting", "Voting");

    private static final Map<String, String> TYPES = Map.of("mlp", "neural network (MLP)", "logistic",
            "logistic regression", "tree", "decision tree");

    static JobSummary of(Job job) {
        JsonNode spec = job.spec();
        List<Setting> settings = new ArrayList<>();
        if (spec == null) {
            return new JobSummary(settings, List.of());
        }
        JsonNode training = spec.path("training");
        if (job.isEnsemble()) {
            addEnsembleSettings(settings, spec.path("ensemble"));
            add(settings, "Epochs per member", training.path("epochs"));
        }
        else {
            addFederatedSettings(settings, spec);
            add(settings, "Epochs per round", training.path("epochs"));
        }
        add(settings, "Batch size", training.path("batchSize"));
        add(settings, "Learning rate", training.path("learningRate"));
        add(settings, "Optimizer", training.path("optimizer"));
        add(settings, "Seed", training.path("seed"));
        add(settings, "Validation share", training.path("validationFraction"));
        add(settings, "Model name", spec.path("publish").path("modelName"));
        add(settings, "Alias", spec.path("publish").path("alias"));
        return new JobSummary(settings, participants(job, spec));
    }

    private static void addFederatedSettings(List<Setting> settings, JsonNode spec) {
        JsonNode federation = spec.path("federation");
        add(settings, "Strategy", federation.path("strategy"));
        add(settings, "Rounds", federation.path("rounds"));
        List<String> layers = new ArrayList<>();
        spec.path("model")
            .path("layers")
            .forEach((layer) -> layers
                .add(layer.path("units").asString() + " " + layer.path("activation").asString("")));
        settings.add(new Setting("Hidden layers", layers.isEmpty() ? "none" : String.join(", ", layers)));
    }

    /**
     * The method and the settings that belong to it: the spec the API answers holds only
     * those, as the API refuses a setting of another method.
     */
    private static void addEnsembleSettings(List<Setting> settings, JsonNode ensemble) {
        String method = ensemble.path("method").asString("");
        settings.add(new Setting("Method", METHODS.getOrDefault(method, method)));
        int participantCount = ensemble.path("participants").size();
        settings.add(new Setting("Data", (participantCount > 0)
                ? participantCount + " participants, each member trained inside one" : "one dataset"));
        List<String> kinds = new ArrayList<>();
        ensemble.path("members").forEach((member) -> kinds.add(describeMember(member)));
        settings.add(new Setting("Members", memberCount(ensemble, kinds.size(), participantCount)));
        settings.add(new Setting("Member types", String.join("; ", kinds)));
        add(settings, "Bootstrap share", ensemble.path("bootstrapFraction"));
        add(settings, "Folds", ensemble.path("folds"));
        add(settings, "Voting", ensemble.path("voting"));
        if ("voting".equals(method)) {
            JsonNode weights = ensemble.path("weights");
            JsonNode bias = ensemble.path("bias");
            String given = join(weights) + (bias.isArray() ? "; bias " + join(bias) : "");
            settings.add(new Setting("Voting weights", weights.isArray() ? given : "fitted on the validation rows"));
        }
    }

    private static String memberCount(JsonNode ensemble, int kindCount, int participantCount) {
        JsonNode size = ensemble.path("size");
        if (size.isNumber()) {
            return size.asString();
        }
        if (participantCount > 0) {
            int count = kindCount * participantCount;
            return count + " (" + kindCount + " types at each of " + participantCount + " participants)";
        }
        return String.valueOf(kindCount);
    }

    private static String describeMember(JsonNode member) {
        String type = member.path("type").asString("");
        String label = TYPES.getOrDefault(type, type);
        if ("mlp".equals(type)) {
            List<String> units = new ArrayList<>();
            member.path("layers").forEach((layer) -> units.add(layer.path("units").asString()));
            return label + (units.isEmpty() ? "" : ", layers " + String.join(", ", units));
        }
        if ("tree".equals(type)) {
            JsonNode depth = member.path("maxDepth");
            return label + (depth.isNumber() ? ", depth at most " + depth.asString() : "");
        }
        return label;
    }

    private static String join(JsonNode values) {
        List<String> parts = new ArrayList<>();
        values.forEach((value) -> parts.add(value.asString()));
        return String.join(", ", parts);
    }

    private static List<Participant> participants(Job job, JsonNode spec) {
        JsonNode list = job.isEnsemble() ? spec.path("ensemble").path("participants")
                : spec.path("federation").path("participants");
        List<Participant> participants = new ArrayList<>();
        list.forEach((participant) -> participants
            .add(new Participant(participant.path("name").asString(), participant.path("datasetId").asString())));
        String central = spec.path("ensemble").path("datasetId").asString("");
        if (participants.isEmpty() && !central.isEmpty()) {
            participants.add(new Participant("all rows", central));
        }
        return participants;
    }

    private static void add(List<Setting> settings, String label, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull()) {
            settings.add(new Setting(label, value.asString()));
        }
    }

    /**
     * One setting of a job.
     *
     * @param label what it is
     * @param value its value
     */
    record Setting(String label, String value) {
    }

    /**
     * One participant of a job.
     *
     * @param name the participant's name
     * @param datasetId its dataset
     */
    record Participant(String name, String datasetId) {
    }

}
