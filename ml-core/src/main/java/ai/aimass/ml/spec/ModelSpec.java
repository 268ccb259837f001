package ai.aimass.ml.spec;

import java.util.List;

/**
 * The architecture of a multi-layer perceptron for tabular classification.
 * <p>
 * {@link #layers()} are the hidden layers only: the input width comes from the data's
 * encoded features and the output width from the number of label classes. The output
 * layer is a softmax trained with multi-class cross-entropy. When absent in JSON, the
 * hidden layers default to one layer of 32 ReLU units and the output activation to
 * {@code softmax}; an explicitly empty list gives multinomial logistic regression.
 *
 * @param layers the hidden layers, input side first, at most {@value #MAX_LAYERS}
 * @param outputActivation the output activation, {@code softmax}
 */
public record ModelSpec(List<LayerSpec> layers, String outputActivation) {

    /** The largest accepted number of hidden layers. */
    public static final int MAX_LAYERS = 32;

    /** The hidden layers used when none are given. */
    public static final List<LayerSpec> DEFAULT_LAYERS = List.of(new LayerSpec(32, "relu"));

    /** The output activation used when none is given, and the only one accepted. */
    public static final String DEFAULT_OUTPUT_ACTIVATION = "softmax";

    public ModelSpec {
        layers = (layers != null) ? SpecProblems.copyAllowingNulls(layers) : DEFAULT_LAYERS;
        outputActivation = (outputActivation != null) ? outputActivation : DEFAULT_OUTPUT_ACTIVATION;
    }

    /**
     * Returns the spec with every default applied.
     * @return the default model
     */
    public static ModelSpec defaults() {
        return new ModelSpec(null, null);
    }

    /**
     * Returns the number of parameters (weights and biases) of the network.
     * @param inputWidth the number of inputs
     * @param classCount the number of outputs
     * @return the length of the flat weight vector
     */
    public long parameterCount(int inputWidth, int classCount) {
        long count = 0;
        long previous = inputWidth;
        for (LayerSpec layer : this.layers) {
            count += previous * layer.units() + layer.units();
            previous = layer.units();
        }
        return count + previous * classCount + classCount;
    }

    void collectProblems(String path, List<String> problems) {
        if (this.layers.size() > MAX_LAYERS) {
            problems
                .add(path + ".layers: expected at most " + MAX_LAYERS + " hidden layers, found " + this.layers.size());
        }
        for (int i = 0; i < this.layers.size(); i++) {
            LayerSpec layer = this.layers.get(i);
            if (layer == null) {
                problems.add(path + ".layers[" + i + "]: expected a layer, found null");
            }
            else {
                layer.collectProblems(path + ".layers[" + i + "]", problems);
            }
        }
        SpecProblems.requireOneOf(problems, path + ".outputActivation", this.outputActivation,
                List.of(DEFAULT_OUTPUT_ACTIVATION));
    }

}
