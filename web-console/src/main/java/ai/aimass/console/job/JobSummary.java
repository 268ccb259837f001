package ai.aimass.console.job;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * What a person wants to read of a job's spec, in place of the spec itself.
 *
 * @param settings label and value of each setting, in reading order
 * @param participants the participants and their datasets
 */
record JobSummary(List<Setting> settings, List<Participant> participants) {

    static JobSummary of(Job job) {
        JsonNode spec = job.spec();
        List<Setting> settings = new ArrayList<>();
        if (spec == null) {
            return new JobSummary(settings, List.of());
        }
        JsonNode training = spec.path("training");
        if (job.isEnsemble()) {
            JsonNode ensemble = spec.path("ensemble");
            add(settings, "Method", ensemble.path("method"));
            add(settings, "Members", ensemble.path("size"));
            List<String> types = new ArrayList<>();
            ensemble.path("members").forEach((member) -> types.add(member.path("type").asString()));
            settings.add(new Setting("Member types", String.join(", ", types)));
        }
        else {
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
        add(settings, "Epochs per round", training.path("epochs"));
        add(settings, "Batch size", training.path("batchSize"));
        add(settings, "Learning rate", training.path("learningRate"));
        add(settings, "Optimizer", training.path("optimizer"));
        add(settings, "Seed", training.path("seed"));
        add(settings, "Validation share", training.path("validationFraction"));
        add(settings, "Model name", spec.path("publish").path("modelName"));
        add(settings, "Alias", spec.path("publish").path("alias"));
        return new JobSummary(settings, participants(job, spec));
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
