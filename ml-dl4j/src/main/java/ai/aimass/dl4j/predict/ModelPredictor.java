package ai.aimass.dl4j.predict;

import java.util.List;

import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.preprocess.InvalidFeatureException;

/**
 * Answers predictions for a published model, a single network or an ensemble.
 * <p>
 * Implementations are safe to call from many threads. Bad input surfaces as
 * {@link InvalidFeatureException}, whose {@link InvalidFeatureException#rowIndex()} names
 * the row of the batch.
 */
public interface ModelPredictor {

    /**
     * Returns the manifest of the bundle this predictor serves.
     * @return the manifest
     */
    BundleManifest manifest();

    /**
     * Returns whether {@link #predictRaw(float[][], boolean)} is available, that is
     * whether every feature is numeric.
     * @return true for a numeric-only schema
     */
    boolean acceptsRawInput();

    /**
     * Predicts rows of JSON-style values: a {@link Number} for a numeric feature, a
     * {@link String} for a categorical one, in schema order.
     * @param valuesInSchemaOrder the rows
     * @param explain whether to return each ensemble member's vote
     * @return one prediction per row, in order
     * @throws InvalidFeatureException when a value does not fit its feature
     */
    List<Prediction> predictRows(List<List<Object>> valuesInSchemaOrder, boolean explain);

    /**
     * Predicts rows of raw numbers in schema order, for schemas whose features are all
     * numeric.
     * @param rawFeaturesInSchemaOrder the rows of raw, unscaled feature values
     * @param explain whether to return each ensemble member's vote
     * @return one prediction per row, in order
     * @throws InvalidFeatureException when the schema has a categorical feature or a row
     * does not fit
     */
    List<Prediction> predictRaw(float[][] rawFeaturesInSchemaOrder, boolean explain);

}
