package ai.aimass.console.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One published version of a model, as platform-api answers it, with what its pages show
 * of its metrics, provenance and input schema.
 *
 * @param id the version id
 * @param version the version number
 * @param jobId the job that trained it
 * @param metrics what the job measured
 * @param provenance what made it: datasets and digests, spec, seed, code version
 * @param inputSchema the features it takes and its label classes
 * @param weightsSha256 the SHA-256 of its weights
 * @param aliases the aliases that point at it
 * @param createdAt when it was published
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelVersion(UUID id, int version, UUID jobId, Map<String, Object> metrics,
        Map<String, Object> provenance, Map<String, Object> inputSchema, String weightsSha256, List<String> aliases,
        Instant createdAt) {

    public ModelVersion {
        metrics = (metrics != null) ? metrics : Map.of();
        provenance = (provenance != null) ? provenance : Map.of();
        inputSchema = (inputSchema != null) ? inputSchema : Map.of();
        aliases = (aliases != null) ? aliases : List.of();
    }

    /** The validation accuracy, or null when the job measured none. */
    public Double accuracy() {
        return (this.metrics.get("validationAccuracy") instanceof Number number) ? number.doubleValue() : null;
    }

    /** Each metric as a label and a readable value, nested ones flattened. */
    public List<Fact> metricFacts() {
        List<Fact> facts = new ArrayList<>();
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        for (String first : List.of("validationAccuracy", "validationEstimate", "finalLoss", "rounds")) {
            if (this.metrics.containsKey(first)) {
                ordered.put(first, this.metrics.get(first));
            }
        }
        new java.util.TreeMap<>(this.metrics).forEach(ordered::putIfAbsent);
        ordered.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                nested.forEach(
                        (inner, innerValue) -> facts.add(new Fact(label(key) + ": " + inner, format(key, innerValue))));
            }
            else {
                facts.add(new Fact(label(key), format(key, value)));
            }
        });
        return facts;
    }

    /** The datasets that trained this version. */
    public List<DatasetUse> datasets() {
        List<DatasetUse> datasets = new ArrayList<>();
        if (this.provenance.get("datasets") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> dataset) {
                    datasets.add(new DatasetUse(text(dataset.get("participant")), text(dataset.get("datasetId")),
                            text(dataset.get("sha256")), text(dataset.get("rowCount"))));
                }
            }
        }
        return datasets;
    }

    /** The seed of the job that trained it. */
    public String seed() {
        return text(this.provenance.get("seed"));
    }

    /** The version of the code that trained it. */
    public String codeVersion() {
        return text(this.provenance.get("codeVersion"));
    }

    /**
     * What made this version besides its settings, as label and value: seed, datasets (by
     * participant, in name order, so that the same datasets read alike), feature count
     * and code.
     */
    public List<Fact> provenanceFacts() {
        List<String> datasets = datasets().stream()
            .map((use) -> use.participant() + " (" + use.rowCount() + " rows)")
            .sorted()
            .toList();
        return List.of(new Fact("Seed", seed()), new Fact("Datasets", String.join("; ", datasets)),
                new Fact("Features", String.valueOf(features().size())), new Fact("Code", codeVersion()));
    }

    /** The features it takes, in order. */
    public List<Feature> features() {
        List<Feature> features = new ArrayList<>();
        if (this.inputSchema.get("features") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> feature) {
                    List<String> categories = new ArrayList<>();
                    if (feature.get("categories") instanceof List<?> values) {
                        values.forEach((value) -> categories.add(String.valueOf(value)));
                    }
                    features.add(new Feature(text(feature.get("name")), text(feature.get("type")), categories));
                }
            }
        }
        return features;
    }

    /** The classes it predicts. */
    public List<String> labelClasses() {
        List<String> classes = new ArrayList<>();
        if (this.inputSchema.get("labelClasses") instanceof List<?> list) {
            list.forEach((value) -> classes.add(String.valueOf(value)));
        }
        return classes;
    }

    /** The settings of the spec that trained it, as label and value. */
    public List<Fact> specFacts() {
        List<Fact> facts = new ArrayList<>();
        if (!(this.provenance.get("spec") instanceof Map<?, ?> spec)) {
            return facts;
        }
        facts.add(new Fact("Kind", text(spec.get("kind"))));
        if (spec.get("model") instanceof Map<?, ?> model && model.get("layers") instanceof List<?> layers) {
            List<String> sizes = new ArrayList<>();
            layers.forEach((layer) -> sizes.add((layer instanceof Map<?, ?> map)
                    ? text(map.get("units")) + " " + text(map.get("activation")) : String.valueOf(layer)));
            facts.add(new Fact("Hidden layers", String.join(", ", sizes)));
        }
        if (spec.get("federation") instanceof Map<?, ?> federation) {
            facts.add(new Fact("Strategy", text(federation.get("strategy"))));
            facts.add(new Fact("Rounds", text(federation.get("rounds"))));
        }
        if (spec.get("ensemble") instanceof Map<?, ?> ensemble) {
            facts.add(new Fact("Method", text(ensemble.get("method"))));
        }
        if (spec.get("training") instanceof Map<?, ?> training) {
            facts.add(new Fact("Epochs", text(training.get("epochs"))));
            facts.add(new Fact("Batch size", text(training.get("batchSize"))));
            facts.add(new Fact("Learning rate", text(training.get("learningRate"))));
            facts.add(new Fact("Optimizer", text(training.get("optimizer"))));
        }
        return facts;
    }

    private static String label(String key) {
        return switch (key) {
            case "validationAccuracy" -> "Validation accuracy";
            case "validationEstimate" -> "Validation accuracy measured";
            case "finalLoss" -> "Final loss";
            case "rounds" -> "Rounds";
            case "participantValidationAccuracy" -> "Accuracy at";
            default -> key;
        };
    }

    private static String format(String key, Object value) {
        if ("validationEstimate".equals(key)) {
            return switch (String.valueOf(value)) {
                case "heldOut" -> "on rows that nothing was fitted on";
                case "crossFitted" -> "cross-fitted: each row scored by a combiner refitted without it";
                case "unavailable" -> "not at all: too few validation rows to refit the combiner on";
                default -> String.valueOf(value);
            };
        }
        if (value instanceof List<?> list && list.stream().allMatch((item) -> item == null || item instanceof Number)) {
            // Per member or per stage: each number as its metric reads, in order.
            return String.join(", ", list.stream().map((item) -> (item == null) ? "–" : format(key, item)).toList());
        }
        if (value instanceof Number number && key.toLowerCase(Locale.ROOT).contains("accuracy")) {
            return String.format(Locale.ROOT, "%.1f %%", number.doubleValue() * 100);
        }
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    private static String text(Object value) {
        return (value != null) ? String.valueOf(value) : "";
    }

    /**
     * A labelled value.
     *
     * @param label what it is
     * @param value its readable value
     */
    public record Fact(String label, String value) {
    }

    /**
     * A dataset that trained a version.
     *
     * @param participant the participant that held it
     * @param datasetId its id
     * @param sha256 the SHA-256 of its file
     * @param rowCount its rows
     */
    public record DatasetUse(String participant, String datasetId, String sha256, String rowCount) {

        /** The first 12 characters of the digest. */
        public String shortSha256() {
            return (this.sha256.length() > 12) ? this.sha256.substring(0, 12) : this.sha256;
        }

    }

    /**
     * A feature a version takes.
     *
     * @param name the column name
     * @param type {@code NUMERIC} or {@code CATEGORICAL}
     * @param categories the categories of a categorical feature
     */
    public record Feature(String name, String type, List<String> categories) {

        /** Whether it takes a number. */
        public boolean numeric() {
            return "NUMERIC".equals(this.type);
        }

    }

}
