package ai.aimass.inference.registry;

import java.util.List;

import ai.aimass.dl4j.predict.ModelPredictor;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * A model version ready to predict: a single network or an ensemble, behind one
 * predictor.
 *
 * @param version the concrete version
 * @param predictor the thread-safe predictor of the version's bundle
 */
public record LoadedModel(ResolvedVersion version, ModelPredictor predictor) {

    /**
     * Returns the manifest of the version's bundle.
     * @return the manifest, immutable once published
     */
    public BundleManifest manifest() {
        return this.predictor.manifest();
    }

    /**
     * Returns the input schema that requests are checked against.
     * @return the schema of the bundle
     */
    public TabularSchema schema() {
        return this.predictor.manifest().schema();
    }

    /**
     * Returns the classes in the order of the probabilities.
     * @return the labels
     */
    public List<String> labels() {
        return this.predictor.manifest().labels();
    }

}
