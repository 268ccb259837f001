package ai.aimass.console.job;

import java.util.List;
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

    /** Form fields by the spec path that the API's messages start with. */
    static final Map<String, String> FEDERATED_FIELDS = Map.ofEntries(Map.entry("kind", "kind"),
            Map.entry("model", "layers"), Map.entry("model.layers", "layers"), Map.entry("training.epochs", "epochs"),
            Map.entry("training.batchSize", "batchSize"), Map.entry("training.learningRate", "learningRate"),
            Map.entry("training.optimizer", "optimizer"), Map.entry("training.seed", "seed"),
            Map.entry("training.validationFraction", "validationFraction"),
            Map.entry("federation.participants", "participants"), Map.entry("federation.rounds", "rounds"),
            Map.entry("federation.strategy", "strategy"), Map.entry("publish.modelName", "modelName"),
            Map.entry("publish.alias", "alias"));

    /** Form fields of the ensemble form by spec path. */
    static final Map<String, String> ENSEMBLE_FIELDS = Map.ofEntries(Map.entry("training.epochs", "epochs"),
            Map.entry("training.batchSize", "batchSize"), Map.entry("training.learningRate", "learningRate"),
            Map.entry("training.optimizer", "optimizer"), Map.entry("training.seed", "seed"),
            Map.entry("training.validationFraction", "validationFraction"), Map.entry("ensemble.method", "method"),
            Map.entry("ensemble.datasetId", "datasetId"), Map.entry("ensemble.participants", "participants"),
            Map.entry("ensemble.members", "members"), Map.entry("ensemble.size", "size"),
            Map.entry("ensemble.folds", "folds"), Map.entry("ensemble.voting", "voting"),
            Map.entry("publish.modelName", "modelName"), Map.entry("publish.alias", "alias"));

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JobSpecs() {
    }

    static String federated(FederatedJobForm form, JsonMapper json) {
        ObjectNode spec = NODES.objectNode();
        spec.put("kind", "federated");
        ObjectNode model = spec.putObject("model");
        model.set("layers", layers(form.getLayers(), form.getActivation()));
        spec.set("training", training(form.getEpochs(), form.getBatchSize(), form.getLearningRate(),
                form.getOptimizer(), form.getSeed(), form.getValidationFraction()));
        ObjectNode federation = spec.putObject("federation");
        federation.set("participants", participants(form.getDatasetIds(), form.getNames()));
        putValue(federation, "rounds", form.getRounds());
        putText(federation, "strategy", form.getStrategy());
        spec.set("publish", publish(form.getModelName(), form.getAlias()));
        return json.writeValueAsString(spec);
    }

    static String ensemble(EnsembleJobForm form, JsonMapper json) {
        ObjectNode spec = NODES.objectNode();
        spec.put("kind", "ensemble");
        spec.set("training", training(form.getEpochs(), form.getBatchSize(), form.getLearningRate(),
                form.getOptimizer(), form.getSeed(), form.getValidationFraction()));
        ObjectNode ensemble = spec.putObject("ensemble");
        putText(ensemble, "method", form.getMethod());
        if ("federated".equals(form.getSource())) {
            ensemble.set("participants", participants(form.getDatasetIds(), form.getNames()));
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
        spec.set("publish", publish(form.getModelName(), form.getAlias()));
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

    private static ObjectNode training(String epochs, String batchSize, String learningRate, String optimizer,
            String seed, String validationFraction) {
        ObjectNode training = NODES.objectNode();
        putValue(training, "epochs", epochs);
        putValue(training, "batchSize", batchSize);
        putValue(training, "learningRate", learningRate);
        putText(training, "optimizer", optimizer);
        putValue(training, "seed", seed);
        putValue(training, "validationFraction", validationFraction);
        return training;
    }

    private static ArrayNode participants(List<String> datasetIds, Map<String, String> names) {
        ArrayNode participants = NODES.arrayNode();
        for (String id : datasetIds) {
            ObjectNode participant = participants.addObject();
            String name = names.getOrDefault(id, "");
            participant.put("name", name.isBlank() ? id : name.trim());
            participant.put("datasetId", id);
        }
        return participants;
    }

    private static ObjectNode publish(String modelName, String alias) {
        ObjectNode publish = NODES.objectNode();
        putText(publish, "modelName", modelName);
        putText(publish, "alias", alias);
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
