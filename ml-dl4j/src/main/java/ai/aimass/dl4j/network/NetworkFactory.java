package ai.aimass.dl4j.network;

import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.TrainingSpec;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the DL4J network that a {@link ModelSpec} describes: dense hidden layers and a
 * softmax output layer trained with multi-class cross-entropy (MCXENT), Xavier
 * initialisation, float32 parameters.
 * <p>
 * The parameter order of {@link MultiLayerNetwork#params()} is the platform's flat weight
 * order: per layer, input side first, the weight matrix then the bias. The same spec,
 * widths and seed give bit-identical initial parameters. Each call returns a new,
 * initialised network that the caller owns; a network must not be used by two threads at
 * once.
 */
public final class NetworkFactory {

    /** The momentum of the {@code nesterovs} optimiser. */
    public static final double NESTEROVS_MOMENTUM = 0.9;

    private NetworkFactory() {
    }

    /**
     * Builds and initialises a network for training.
     * @param model the architecture; its activations must be valid
     * @param training the optimiser and learning rate
     * @param inputWidth the number of encoded inputs, at least 1
     * @param classCount the number of classes, at least 2
     * @param seed the seed of the initial parameters
     * @return the network
     * @throws IllegalArgumentException when an argument breaks a rule above
     */
    public static MultiLayerNetwork build(ModelSpec model, TrainingSpec training, int inputWidth, int classCount,
            long seed) {
        requireWidths(inputWidth, classCount);
        requireSoftmaxOutput(model);
        ListBuilder layers = new NeuralNetConfiguration.Builder().seed(seed)
            .dataType(DataType.FLOAT)
            .weightInit(WeightInit.XAVIER)
            .updater(updater(training))
            .list();
        int previous = inputWidth;
        for (int i = 0; i < model.layers().size(); i++) {
            LayerSpec layer = model.layers().get(i);
            requireUnits(layer, i);
            layers.layer(new DenseLayer.Builder().nIn(previous)
                .nOut(layer.units())
                .activation(activation(layer.activation(), i))
                .build());
            previous = layer.units();
        }
        layers.layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(previous)
            .nOut(classCount)
            .activation(Activation.SOFTMAX)
            .build());
        MultiLayerNetwork network = new MultiLayerNetwork(layers.build());
        network.init();
        return network;
    }

    /**
     * Builds a network to load trained weights into for prediction.
     * @param model the architecture
     * @param inputWidth the number of encoded inputs
     * @param classCount the number of classes
     * @return the network, with throwaway initial parameters
     */
    public static MultiLayerNetwork buildForInference(ModelSpec model, int inputWidth, int classCount) {
        return build(model, TrainingSpec.defaults(), inputWidth, classCount, 0);
    }

    /**
     * Returns the number of parameters of the network that
     * {@link #build(ModelSpec, TrainingSpec, int, int, long)} makes.
     * @param model the architecture
     * @param inputWidth the number of encoded inputs
     * @param classCount the number of classes
     * @return the length of the flat weight vector
     * @throws IllegalArgumentException when the count does not fit an int
     */
    public static int parameterCount(ModelSpec model, int inputWidth, int classCount) {
        requireWidths(inputWidth, classCount);
        long count = model.parameterCount(inputWidth, classCount);
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "expected a network of at most " + Integer.MAX_VALUE + " parameters, found " + count);
        }
        return (int) count;
    }

    private static IUpdater updater(TrainingSpec training) {
        double learningRate = training.learningRate();
        return switch (training.optimizer()) {
            case "adam" -> new Adam(learningRate);
            case "sgd" -> new Sgd(learningRate);
            case "nesterovs" -> new Nesterovs(learningRate, NESTEROVS_MOMENTUM);
            default -> throw new IllegalArgumentException("training.optimizer: expected one of "
                    + String.join(", ", TrainingSpec.OPTIMIZERS) + ", found \"" + training.optimizer() + "\"");
        };
    }

    private static Activation activation(String name, int layerIndex) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "identity" -> Activation.IDENTITY;
            case "leakyrelu" -> Activation.LEAKYRELU;
            default ->
                throw new IllegalArgumentException("model.layers[" + layerIndex + "].activation: expected one of "
                        + String.join(", ", LayerSpec.ACTIVATIONS) + ", found \"" + name + "\"");
        };
    }

    private static void requireUnits(LayerSpec layer, int layerIndex) {
        if (layer.units() < 1 || layer.units() > LayerSpec.MAX_UNITS) {
            throw new IllegalArgumentException("model.layers[" + layerIndex + "].units: expected 1 to "
                    + LayerSpec.MAX_UNITS + ", found " + layer.units());
        }
    }

    private static void requireSoftmaxOutput(ModelSpec model) {
        if (!ModelSpec.DEFAULT_OUTPUT_ACTIVATION.equals(model.outputActivation())) {
            throw new IllegalArgumentException(
                    "model.outputActivation: expected \"softmax\", found \"" + model.outputActivation() + "\"");
        }
    }

    private static void requireWidths(int inputWidth, int classCount) {
        if (inputWidth < 1) {
            throw new IllegalArgumentException("inputWidth: expected at least 1, found " + inputWidth);
        }
        if (classCount < 2) {
            throw new IllegalArgumentException("classCount: expected at least 2, found " + classCount);
        }
    }

}
