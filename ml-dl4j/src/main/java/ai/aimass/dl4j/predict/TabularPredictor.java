package ai.aimass.dl4j.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.dl4j.network.NetworkFactory;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.preprocess.InvalidFeatureException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Answers predictions for a model bundle: encodes raw feature values with the bundle's
 * preprocessor and runs the network.
 * <p>
 * Safe to call from many threads: each call borrows a network from a pool and returns it
 * afterwards, so concurrent calls run in parallel; the pool grows to the peak number of
 * concurrent calls. Bad input surfaces as {@link InvalidFeatureException}, whose
 * {@link InvalidFeatureException#rowIndex()} names the row of the batch.
 */
public final class TabularPredictor implements ModelPredictor {

    private final BundleManifest manifest;

    private final float[] weights;

    private final FeaturePreprocessor preprocessor;

    private final ConcurrentLinkedDeque<MultiLayerNetwork> networks = new ConcurrentLinkedDeque<>();

    /**
     * Creates a predictor and its first network.
     * @param bundle the bundle, whose weight count must match its architecture
     * @throws IllegalArgumentException when the weights do not fit the architecture
     */
    public TabularPredictor(ModelBundle bundle) {
        this.manifest = bundle.manifest();
        this.weights = bundle.weights().clone();
        this.preprocessor = this.manifest.preprocessor();
        int expected = NetworkFactory.parameterCount(this.manifest.model(), this.preprocessor.inputWidth(),
                classCount());
        if (this.weights.length != expected) {
            throw new IllegalArgumentException(
                    "weights: expected " + expected + " weights as the architecture has, found " + this.weights.length);
        }
        this.networks.push(newNetwork());
    }

    @Override
    public BundleManifest manifest() {
        return this.manifest;
    }

    @Override
    public boolean acceptsRawInput() {
        return this.preprocessor.numericOnly();
    }

    /**
     * Predicts rows of JSON-style values: a {@link Number} for a numeric feature, a
     * {@link String} for a categorical one, in schema order.
     * @param valuesInSchemaOrder the rows
     * @return one prediction per row, in order
     * @throws InvalidFeatureException when a value does not fit its feature, or a row is
     * so extreme that the network gives no finite probabilities (with a null feature)
     */
    public List<Prediction> predictRows(List<List<Object>> valuesInSchemaOrder) {
        return predictRows(valuesInSchemaOrder, false);
    }

    /**
     * {@inheritDoc} A single network has no members, so {@code explain} adds nothing.
     */
    @Override
    public List<Prediction> predictRows(List<List<Object>> valuesInSchemaOrder, boolean explain) {
        return predictEncoded(PredictorInputs.encodeValues(this.preprocessor, valuesInSchemaOrder));
    }

    /**
     * Predicts rows of raw numbers in schema order, for schemas whose features are all
     * numeric (the Open Inference Protocol's FP32 input).
     * @param rawFeaturesInSchemaOrder the rows of raw, unscaled feature values
     * @return one prediction per row, in order
     * @throws InvalidFeatureException when the schema has a categorical feature, or a row
     * has the wrong width, a value that is not finite or values so extreme that the
     * network gives no finite probabilities
     */
    public List<Prediction> predictRaw(float[][] rawFeaturesInSchemaOrder) {
        return predictRaw(rawFeaturesInSchemaOrder, false);
    }

    /**
     * {@inheritDoc} A single network has no members, so {@code explain} adds nothing.
     */
    @Override
    public List<Prediction> predictRaw(float[][] rawFeaturesInSchemaOrder, boolean explain) {
        double[][] inputs = PredictorInputs.encodeNumbers(this.preprocessor, rawFeaturesInSchemaOrder);
        return predictEncoded(inputs);
    }

    private List<Prediction> predictEncoded(double[][] inputs) {
        if (inputs.length == 0) {
            return List.of();
        }
        double[][] probabilities = run(inputs);
        List<Prediction> predictions = new ArrayList<>(inputs.length);
        for (int row = 0; row < probabilities.length; row++) {
            double[] rowProbabilities = PredictorInputs.requireFinite(row, probabilities[row]);
            String label = this.manifest.labels().get(ClassificationMetrics.argmax(rowProbabilities));
            predictions.add(new Prediction(label, rowProbabilities));
        }
        return predictions;
    }

    private double[][] run(double[][] inputs) {
        int width = this.preprocessor.inputWidth();
        float[] flat = new float[Math.multiplyExact(inputs.length, width)];
        for (int row = 0; row < inputs.length; row++) {
            for (int column = 0; column < width; column++) {
                flat[row * width + column] = (float) inputs[row][column];
            }
        }
        INDArray input = Nd4j.create(flat, new long[] { inputs.length, width }, DataType.FLOAT);
        MultiLayerNetwork network = borrow();
        try {
            return network.output(input, false).castTo(DataType.DOUBLE).toDoubleMatrix();
        }
        finally {
            this.networks.push(network);
        }
    }

    private MultiLayerNetwork borrow() {
        MultiLayerNetwork network = this.networks.poll();
        return (network != null) ? network : newNetwork();
    }

    private MultiLayerNetwork newNetwork() {
        MultiLayerNetwork network = NetworkFactory.buildForInference(this.manifest.model(),
                this.preprocessor.inputWidth(), classCount());
        network.setParams(Nd4j.create(this.weights, new long[] { 1, this.weights.length }, DataType.FLOAT));
        return network;
    }

    private int classCount() {
        return this.manifest.labels().size();
    }

}
