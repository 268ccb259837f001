package ai.aimass.dl4j.ensemble;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;

import ai.aimass.dl4j.network.NetworkFactory;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.tree.DecisionTree;
import ai.aimass.ml.weights.WeightVectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One trained member of an ensemble: a network (flat float32 weights of a
 * {@link ModelSpec}) or a decision tree, reading a subset of the encoded inputs.
 * <p>
 * Immutable and safe to call from many threads: a network member borrows a network from a
 * pool per call, as the single-model predictor does.
 */
public final class EnsembleMember {

    private final int index;

    private final String type;

    private final String participant;

    private final long seed;

    private final int[] inputs;

    private final ModelSpec model;

    private final float[] weights;

    private final DecisionTree tree;

    private final int classCount;

    private final ConcurrentLinkedDeque<MultiLayerNetwork> networks = new ConcurrentLinkedDeque<>();

    private EnsembleMember(int index, String type, String participant, long seed, int[] inputs, ModelSpec model,
            float[] weights, DecisionTree tree, int classCount) {
        this.index = index;
        this.type = Objects.requireNonNull(type, "type");
        this.participant = participant;
        this.seed = seed;
        this.inputs = inputs.clone();
        this.model = model;
        this.weights = (weights != null) ? weights.clone() : null;
        this.tree = tree;
        this.classCount = classCount;
    }

    /**
     * Creates a network member.
     * @param index the member's index
     * @param type {@code mlp} or {@code logistic}
     * @param participant the participant whose rows trained it, or null
     * @param seed its seed
     * @param inputs the encoded inputs it reads, ascending
     * @param model its architecture
     * @param weights its flat weights, as many as the architecture has
     * @param classCount the number of classes
     * @return the member
     * @throws IllegalArgumentException when the weights do not fit the architecture
     */
    public static EnsembleMember network(int index, String type, String participant, long seed, int[] inputs,
            ModelSpec model, float[] weights, int classCount) {
        int expected = NetworkFactory.parameterCount(model, inputs.length, classCount);
        if (weights.length != expected) {
            throw new IllegalArgumentException("member " + index + ": expected " + expected
                    + " weights as its architecture has, found " + weights.length);
        }
        return new EnsembleMember(index, type, participant, seed, inputs, Objects.requireNonNull(model, "model"),
                weights, null, classCount);
    }

    /**
     * Creates a tree member.
     * @param index the member's index
     * @param participant the participant whose rows trained it, or null
     * @param seed its seed
     * @param inputs the encoded inputs it reads, ascending
     * @param tree the tree over those inputs, valid
     * @return the member
     */
    public static EnsembleMember tree(int index, String participant, long seed, int[] inputs, DecisionTree tree) {
        tree.validate(inputs.length, tree.classCount());
        return new EnsembleMember(index, MemberSpec.TYPE_TREE, participant, seed, inputs, null, null, tree,
                tree.classCount());
    }

    /**
     * Returns a copy of this member under another index, for members refitted or kept
     * under a position of their own.
     * @param newIndex the index
     * @return the member
     */
    EnsembleMember withIndex(int newIndex) {
        return new EnsembleMember(newIndex, this.type, this.participant, this.seed, this.inputs, this.model,
                this.weights, this.tree, this.classCount);
    }

    /**
     * Returns the class probabilities of rows.
     * @param encodedRows full encoded rows, of which the member reads its inputs
     * @return per row, the probability of each class
     */
    public double[][] predictProbabilities(double[][] encodedRows) {
        if (encodedRows.length == 0) {
            return new double[0][];
        }
        if (this.tree != null) {
            double[][] probabilities = new double[encodedRows.length][];
            double[] selected = new double[this.inputs.length];
            for (int row = 0; row < encodedRows.length; row++) {
                for (int i = 0; i < this.inputs.length; i++) {
                    selected[i] = encodedRows[row][this.inputs[i]];
                }
                probabilities[row] = this.tree.predict(selected).clone();
            }
            return probabilities;
        }
        return runNetwork(encodedRows);
    }

    private double[][] runNetwork(double[][] encodedRows) {
        int width = this.inputs.length;
        float[] flat = new float[Math.multiplyExact(encodedRows.length, width)];
        for (int row = 0; row < encodedRows.length; row++) {
            for (int i = 0; i < width; i++) {
                flat[row * width + i] = (float) encodedRows[row][this.inputs[i]];
            }
        }
        INDArray input = Nd4j.create(flat, new long[] { encodedRows.length, width }, DataType.FLOAT);
        MultiLayerNetwork network = this.networks.poll();
        if (network == null) {
            network = NetworkFactory.buildForInference(this.model, width, this.classCount);
            network.setParams(Nd4j.create(this.weights, new long[] { 1, this.weights.length }, DataType.FLOAT));
        }
        try {
            return network.output(input, false).castTo(DataType.DOUBLE).toDoubleMatrix();
        }
        finally {
            this.networks.push(network);
        }
    }

    /**
     * Returns the member's parameters in their stored form: little-endian float32 weights
     * for a network, the tree's JSON for a tree.
     * @return the bytes that the ensemble's digest covers
     */
    public byte[] parameterBytes() {
        return (this.tree != null) ? this.tree.toJson() : WeightVectors.toBytes(this.weights);
    }

    /**
     * Returns the inputs as little-endian int32, for digests.
     * @return the bytes
     */
    byte[] inputBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(this.inputs.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(this.inputs);
        return buffer.array();
    }

    /**
     * Returns whether the member is a network.
     * @return true for {@code mlp} and {@code logistic}
     */
    public boolean isNetwork() {
        return this.tree == null;
    }

    /**
     * Returns the member's index.
     * @return the index
     */
    public int index() {
        return this.index;
    }

    /**
     * Returns the member type.
     * @return {@code mlp}, {@code logistic} or {@code tree}
     */
    public String type() {
        return this.type;
    }

    /**
     * Returns the participant whose rows trained the member.
     * @return the name, or null when centralised
     */
    public String participant() {
        return this.participant;
    }

    /**
     * Returns the member's seed.
     * @return the seed
     */
    public long seed() {
        return this.seed;
    }

    /**
     * Returns the encoded inputs the member reads.
     * @return a copy of the indexes, ascending
     */
    public int[] inputs() {
        return this.inputs.clone();
    }

    /**
     * Returns a network member's architecture.
     * @return the architecture, or null for a tree
     */
    public ModelSpec model() {
        return this.model;
    }

    /**
     * Returns a network member's weights.
     * @return a copy of the weights, or null for a tree
     */
    public float[] weights() {
        return (this.weights != null) ? this.weights.clone() : null;
    }

    /**
     * Returns a tree member's tree.
     * @return the tree, or null for a network
     */
    public DecisionTree tree() {
        return this.tree;
    }

    /**
     * Returns the number of classes.
     * @return C
     */
    public int classCount() {
        return this.classCount;
    }

}
