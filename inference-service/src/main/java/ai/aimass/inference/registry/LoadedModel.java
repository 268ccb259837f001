package ai.aimass.inference.registry;

import java.util.List;

import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.dl4j.predict.TabularPredictor;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * A model version ready to predict: its bundle and the predictor built from it.
 *
 * @param version the concrete version
 * @param bundle the bundle, immutable once published
 * @param predictor the thread-safe predictor of the bundle
 */
public record LoadedModel(ResolvedVersion version, ModelBundle bundle, TabularPredictor predictor) {

    /**
     * Returns the input schema that requests are checked against.
     * @return the schema of the bundle
     */
    public TabularSchema schema() {
        return this.bundle.manifest().schema();
    }

    /**
     * Returns the classes in the order of the probabilities.
     * @return the labels
     */
    public List<String> labels() {
        return this.bundle.manifest().labels();
    }

}
