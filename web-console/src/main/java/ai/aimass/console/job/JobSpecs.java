package ai.aimass.console.job;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the job forms as the JSON job specs that {@code POST /api/v1/jobs} takes.
 * <p>
 * Numbers are sent as JSON numbers when they read as numbers and as text otherwise, and
 * empty fields are left out so that the API's defaults apply: the API, not the console,
 * decides what is valid.
 */
final class JobSpecs {

    /**
     * Form fields of the federated form by the spec path that the API's messages start
     * with.
     */
    static final Map<String, String> FEDERATED_FIELDS = withSharedFields(
            Map.of("kind", "kind", "model", "layers", "model.layers", "layers", "federation.participants",
                    "participants", "federation.rounds", "rounds", "federation.strategy", "strategy"));

    /** Form fields of the ensemble form by spec path. */
    static final Map<String, String> ENSEMBLE_FIELDS = withSharedFields(Map.of("ensemble.method", "method",
            "ensemble.datasetId", "datasetId", "ensemble.participants", "participants", "ensemble.members", "members",
            "ensemble.size", "size", "ensemble.folds", "folds", "ensemble.voting", "voting"));

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JobSpecs() {
    }

    /**
     * Adds the fields of {@link JobForm}, which every kind of job writes the same way.
     */
    private static Map<String, String> withSharedFields(Map<String, String> kindFields) {
        Map<String, String> fields = new HashMap<>(kindFields);
        fields.putAll(Map.of("training.epochs", "epochs", "training.batchSize", "batchSize", "training.learningRate",
                "learningRate", "training.optimizer", "optimizer", "training.seed", "seed",
                "training.validationFraction", "validationFraction", "publish.modelName", "modelName", "publish.alias",
                "alias"));
        return Map.copyOf(fields);
    }

    static String federated(FederatedJobForm form, JsonMapper json) {
        ObjectNode spec = NODES.objectNode();
        spec.put("kind", "federated");
        ObjectNode model = spec.putObject("model");
        model.set("layers", layers(form.getLayers(), form.getActivation()));
        spec.set("training", training(form));
        ObjectNode federation = spec.putObject("federation");
        federation.set("participants", participants(form));
        putValue(federation, "rounds", form.getRounds());
        putText(federation, "strategy", form.getStrategy());
        spec.set("publish", publish(form));
        return json.writeValueAsString(spec);
    }

    static String ensemble(EnsembleJobForm form, JsonMapper json) {
        ObjectNode spec = NODES.objectNode();
        spec.put("kind", "ensemble");
        spec.set("training", training(form));
        ObjectNode ensemble = spec.putObject("ensemble");
        putText(ensemble, "method", form.getMethod());
        if ("federated".equals(form.getSource())) {
            ensemble.set("participants", participants(form));
        }
        else {
            putText(ensemble, "datasetId", form.getDatasetId());
        }
        ensemble.set("members", members(form));
        if ("bagging".equals(form.getMethod()) || "adaboost".equals(form.getMethod())) {
            putValue(ensemble, "size", form.getSize());
        }
        // Stacking across participants fits its meta-learner on their validation rows and
        // takes no folds.
        if ("stacking".equals(form.getMethod()) && !"federated".equals(form.getSource())) {
            putValue(ensemble, "folds", form.getFolds());
        }
        if ("voting".equals(form.getMethod())) {
            putText(ensemble, "voting", form.getVoting());
        }
        spec.set("publish", publish(form));
        return json.writeValueAsString(spec);
    }

    private static ArrayNode members(EnsembleJobForm form) {
        ArrayNode members = NODES.arrayNode();
        for (String type : form.getMemberTypes()) {
            ObjectNode member = members.addObject();
            member.put("type", type);
            if ("mlp".equals(type)) {
                member.set("layers", layers(form.getMlpLayers(), "relu"));
            }
            if ("tree".equals(type)) {
                putValue(member, "maxDepth", form.getTreeMaxDepth());
            }
        }
        return members;
    }

    private static ArrayNode layers(String units, String activation) {
        ArrayNode layers = NODES.arrayNode();
        if (units == null) {
            return layers;
        }
        for (String part : units.split("[,\\s]+")) {
            if (!part.isBlank()) {
                ObjectNode layer = layers.addObject();
                layer.set("units", value(part));
                putText(layer, "activation", activation);
            }
        }
        return layers;
    }

    private static ObjectNode training(JobForm form) {
        ObjectNode training = NODES.objectNode();
        putValue(training, "epochs", form.getEpochs());
        putValue(training, "batchSize", form.getBatchSize());
        putValue(training, "learningRate", form.getLearningRate());
        putText(training, "optimizer", form.getOptimizer());
        putValue(training, "seed", form.getSeed());
        putValue(training, "validationFraction", form.getValidationFraction());
        return training;
    }

    private static ArrayNode participants(JobForm form) {
        ArrayNode participants = NODES.arrayNode();
        for (String id : form.getDatasetIds()) {
            ObjectNode participant = participants.addObject();
            participant.put("name", form.getNames().getOrDefault(id, "").strip());
            participant.put("datasetId", id);
        }
        return participants;
    }

    private static ObjectNode publish(JobForm form) {
        ObjectNode publish = NODES.objectNode();
        putText(publish, "modelName", form.getModelName());
        putText(publish, "alias", form.getAlias());
        return publish;
    }

    private static void putValue(ObjectNode node, String field, String raw) {
        if (raw != null && !raw.isBlank()) {
            node.set(field, value(raw.trim()));
        }
    }

    private static void putText(ObjectNode node, String field, String raw) {
        if (raw != null && !raw.isBlank()) {
            node.put(field, raw.trim());
        }
    }

    private static JsonNode value(String raw) {
        if (INTEGER.matcher(raw).matches()) {
            return NODES.numberNode(Long.parseLong(raw));
        }
        if (DECIMAL.matcher(raw).matches()) {
            return NODES.numberNode(Double.parseDouble(raw));
        }
        return NODES.stringNode(raw);
    }

}
