package ai.aimass.ml.bundle;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.tabular.TabularSchema;
import tools.jackson.core.JacksonException;

/**
 * The framework-neutral description of a model bundle, stored as {@code manifest.json}
 * beside the weights: what the model takes, how inputs are encoded, what it answers, its
 * architecture, the digest of its weights, its metrics and its provenance.
 * <p>
 * A reader needs nothing else to rebuild the network and check the weights: the input
 * width is {@code preprocessor.inputWidth()}, the output width {@code labels.size()}, the
 * weight count {@code model.parameterCount(inputWidth, labels.size())}, and
 * {@code weightsSha256} is the SHA-256 of the little-endian float32 weights (see
 * {@link ai.aimass.ml.weights.WeightVectors}). Metrics and provenance are free-form JSON
 * objects (dataset ids and digests, spec, seed, code version); their keys are written in
 * sorted order.
 * <p>
 * An ensemble bundle has an {@code ensemble} description instead of a {@code model}: its
 * members' parameters lie in entries that the description names, and
 * {@code weightsSha256} is then the digest over all members and the combiner (see
 * {@code TrainedEnsemble.digest()} in ml-dl4j). A network bundle has no {@code ensemble};
 * manifests written before ensembles existed read unchanged.
 *
 * @param formatVersion the manifest format, {@value #FORMAT_VERSION} for this release
 * @param modelName the model name
 * @param schema the input schema devices are coded against
 * @param preprocessor the feature encoding fixed at training time
 * @param labels the classes in output order
 * @param model the network architecture, or null for an ensemble
 * @param weightsSha256 the SHA-256 of the weights, lower-case hex (of an ensemble: of all
 * its members' parameters and its combiner)
 * @param metrics metrics of the trained model, such as validation accuracy
 * @param provenance what made the model: data, spec, seed, code version
 * @param ensemble the members and combiner of an ensemble, or null for a single network
 */
public record BundleManifest(int formatVersion, String modelName, TabularSchema schema,
        FeaturePreprocessor preprocessor, List<String> labels, ModelSpec model, String weightsSha256,
        Map<String, Object> metrics, Map<String, Object> provenance, EnsembleManifest ensemble) {

    /** The manifest format this release writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public BundleManifest {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(preprocessor, "preprocessor");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        if ((model == null) == (ensemble == null)) {
            throw new IllegalArgumentException("manifest: expected either a model or an ensemble, found "
                    + ((model == null) ? "neither" : "both"));
        }
        Objects.requireNonNull(weightsSha256, "weightsSha256");
        metrics = sortedCopy(metrics);
        provenance = sortedCopy(provenance);
    }

    /**
     * Creates the manifest of a single network.
     * @param formatVersion the manifest format
     * @param modelName the model name
     * @param schema the input schema
     * @param preprocessor the feature encoding
     * @param labels the classes in output order
     * @param model the network architecture
     * @param weightsSha256 the SHA-256 of the weights
     * @param metrics metrics of the trained model
     * @param provenance what made the model
     */
    public BundleManifest(int formatVersion, String modelName, TabularSchema schema, FeaturePreprocessor preprocessor,
            List<String> labels, ModelSpec model, String weightsSha256, Map<String, Object> metrics,
            Map<String, Object> provenance) {
        this(formatVersion, modelName, schema, preprocessor, labels, Objects.requireNonNull(model, "model"),
                weightsSha256, metrics, provenance, null);
    }

    /**
     * Reads a manifest from JSON.
     * @param json the UTF-8 JSON bytes
     * @return the manifest
     * @throws IllegalArgumentException when the JSON is malformed, does not map to a
     * manifest or has another format version
     */
    public static BundleManifest fromJson(byte[] json) {
        BundleManifest manifest;
        try {
            manifest = MlJson.mapper().readValue(json, BundleManifest.class);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("manifest: expected a bundle manifest in JSON, found a document that "
                    + "does not map at " + ex.getPathReference(), ex);
        }
        if (manifest == null) {
            throw new IllegalArgumentException("manifest: expected a JSON object, found null");
        }
        if (manifest.formatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException(
                    "manifest.formatVersion: expected " + FORMAT_VERSION + ", found " + manifest.formatVersion());
        }
        return manifest;
    }

    /**
     * Writes the manifest as UTF-8 JSON, fields in declaration order.
     * @return the JSON bytes
     */
    public byte[] toJson() {
        return MlJson.mapper().writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Returns the number of model inputs.
     * @return the preprocessor's input width
     */
    public int inputWidth() {
        return this.preprocessor.inputWidth();
    }

    /**
     * Returns the length of the flat weight vector that this manifest describes.
     * @return the parameter count of the network
     * @throws IllegalStateException for an ensemble, whose members each have their own
     */
    public long parameterCount() {
        if (this.model == null) {
            throw new IllegalStateException("manifest: an ensemble has no single weight vector; see its members");
        }
        return this.model.parameterCount(inputWidth(), this.labels.size());
    }

    private static Map<String, Object> sortedCopy(Map<String, Object> values) {
        return (values != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(values))) : Map.of();
    }

}
