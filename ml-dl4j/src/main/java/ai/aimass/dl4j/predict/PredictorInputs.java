package ai.aimass.dl4j.predict;

import java.util.List;

import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.preprocess.InvalidFeatureException;

/**
 * What every predictor does to a batch before and after its model: encode the rows with
 * the bundle's preprocessor, naming the row that does not fit, and refuse answers that
 * are not finite.
 */
final class PredictorInputs {

    private PredictorInputs() {
    }

    /**
     * Encodes rows of JSON-style values in schema order.
     * @throws InvalidFeatureException naming the row of the batch
     */
    static double[][] encodeValues(FeaturePreprocessor preprocessor, List<List<Object>> valuesInSchemaOrder) {
        double[][] inputs = new double[valuesInSchemaOrder.size()][];
        for (int row = 0; row < inputs.length; row++) {
            try {
                inputs[row] = preprocessor.encodeValues(valuesInSchemaOrder.get(row));
            }
            catch (InvalidFeatureException ex) {
                throw ex.atRow(row);
            }
        }
        return inputs;
    }

    /**
     * Encodes rows of raw numbers in schema order.
     * @throws InvalidFeatureException naming the row of the batch
     */
    static double[][] encodeNumbers(FeaturePreprocessor preprocessor, float[][] rawFeaturesInSchemaOrder) {
        double[][] inputs = new double[rawFeaturesInSchemaOrder.length][];
        for (int row = 0; row < inputs.length; row++) {
            float[] raw = rawFeaturesInSchemaOrder[row];
            double[] values = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                values[i] = raw[i];
            }
            try {
                inputs[row] = preprocessor.encodeNumbers(values);
            }
            catch (InvalidFeatureException ex) {
                throw ex.atRow(row);
            }
        }
        return inputs;
    }

    /**
     * Values that each fit float32 can still overflow inside a network, which then
     * answers NaN or infinity; that is a property of the input, not a failure of the
     * model.
     * @return the probabilities, when all are finite
     * @throws InvalidFeatureException naming the row otherwise
     */
    static double[] requireFinite(int row, double[] probabilities) {
        for (double probability : probabilities) {
            if (!Double.isFinite(probability)) {
                throw new InvalidFeatureException(null, row, "expected features within reach of the training data, "
                        + "found values too far outside it for the model to give finite probabilities");
            }
        }
        return probabilities;
    }

}
