package ai.aimass.dl4j.training;

import java.util.Random;

import ai.aimass.dl4j.network.NetworkFactory;
import ai.aimass.ml.partition.Shuffles;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.weights.WeightVectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a network on one participant's encoded rows with mini-batch gradient descent.
 * <p>
 * Each epoch visits the rows in an order shuffled by one {@link Random} seeded with the
 * given seed, in mini-batches of {@code training.batchSize()} rows (the last batch may be
 * smaller), one optimiser step per batch. Initial parameters are either the given weights
 * (a federated round) or a fresh initialisation from the seed. The same inputs and seed
 * give bit-identical weights. Every call builds its own network, so one trainer may serve
 * many threads at once; run participants in parallel rather than giving one run several
 * native threads. A run whose thread is interrupted stops before its next mini-batch with
 * a {@link TrainingInterruptedException}, so that a cancelled job frees its threads
 * without waiting for the run to end.
 */
public final class LocalTrainer {

    /**
     * Trains a network.
     * @param model the architecture
     * @param training epochs, batch size, optimiser and learning rate
     * @param initialWeights the starting weights, or null for a fresh seeded
     * initialisation
     * @param features the encoded rows, all of the same width, at least one
     * @param labels the class index of each row
     * @param classCount the number of classes, at least 2
     * @param seed the seed of the initialisation and the shuffles
     * @return the trained weights and the run's figures
     * @throws IllegalArgumentException when the inputs do not fit together
     * @throws TrainingInterruptedException when the thread is interrupted
     */
    public LocalTrainingResult train(ModelSpec model, TrainingSpec training, float[] initialWeights,
            double[][] features, int[] labels, int classCount, long seed) {
        int width = requireRows(features, labels, classCount);
        requireLoopSettings(training);
        MultiLayerNetwork network = NetworkFactory.build(model, training, width, classCount, seed);
        if (initialWeights != null) {
            setWeights(network, initialWeights);
        }
        float[] rows = flatten(features, width);
        long start = System.nanoTime();
        double meanLoss = fitEpochs(network, training, rows, width, labels, classCount, new Random(seed));
        long trainingNanos = System.nanoTime() - start;
        return new LocalTrainingResult(network.params().toFloatVector(), meanLoss, features.length, trainingNanos);
    }

    private static double fitEpochs(MultiLayerNetwork network, TrainingSpec training, float[] rows, int width,
            int[] labels, int classCount, Random random) {
        int[] order = new int[labels.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int batchSize = training.batchSize();
        double lossSum = 0;
        long batchCount = 0;
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            Shuffles.shuffle(order, random);
            for (int from = 0; from < order.length; from += batchSize) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TrainingInterruptedException(batchCount);
                }
                int size = Math.min(batchSize, order.length - from);
                network.fit(batch(rows, width, labels, classCount, order, from, size));
                lossSum += network.score();
                batchCount++;
            }
        }
        return lossSum / batchCount;
    }

    /**
     * Predicts class probabilities with given weights.
     * @param model the architecture
     * @param weights the flat weights
     * @param inputWidth the number of encoded inputs
     * @param classCount the number of classes
     * @param features the encoded rows
     * @return per row, the probability of each class
     */
    public static double[][] predictProbabilities(ModelSpec model, float[] weights, int inputWidth, int classCount,
            double[][] features) {
        MultiLayerNetwork network = NetworkFactory.buildForInference(model, inputWidth, classCount);
        setWeights(network, weights);
        return predict(network, features, inputWidth);
    }

    /**
     * Returns the SHA-256 of weights as little-endian float32 bytes, the digest that
     * bundles and checkpoints record.
     * @param weights the weights
     * @return 64 lower-case hex digits
     */
    public static String sha256(float[] weights) {
        return WeightVectors.sha256(weights);
    }

    static double[][] predict(MultiLayerNetwork network, double[][] features, int inputWidth) {
        if (features.length == 0) {
            return new double[0][];
        }
        requireWidth(features, inputWidth);
        INDArray input = Nd4j.create(flatten(features, inputWidth), new long[] { features.length, inputWidth },
                DataType.FLOAT);
        return network.output(input, false).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    static void setWeights(MultiLayerNetwork network, float[] weights) {
        if (weights.length != network.numParams()) {
            throw new IllegalArgumentException("weights: expected " + network.numParams()
                    + " weights as the network has, found " + weights.length);
        }
        network.setParams(Nd4j.create(weights, new long[] { 1, weights.length }, DataType.FLOAT));
    }

    private static DataSet batch(float[] rows, int width, int[] labels, int classCount, int[] order, int from,
            int size) {
        float[] batchFeatures = new float[size * width];
        float[] batchLabels = new float[size * classCount];
        for (int i = 0; i < size; i++) {
            int row = order[from + i];
            System.arraycopy(rows, row * width, batchFeatures, i * width, width);
            batchLabels[i * classCount + labels[row]] = 1;
        }
        return new DataSet(Nd4j.create(batchFeatures, new long[] { size, width }, DataType.FLOAT),
                Nd4j.create(batchLabels, new long[] { size, classCount }, DataType.FLOAT));
    }

    private static void requireLoopSettings(TrainingSpec training) {
        if (training.epochs() < 1) {
            throw new IllegalArgumentException("training.epochs: expected at least 1, found " + training.epochs());
        }
        if (training.batchSize() < 1) {
            throw new IllegalArgumentException(
                    "training.batchSize: expected at least 1, found " + training.batchSize());
        }
    }

    private static int requireRows(double[][] features, int[] labels, int classCount) {
        if (features.length == 0) {
            throw new IllegalArgumentException("features: expected at least 1 row, found none");
        }
        if (labels.length != features.length) {
            throw new IllegalArgumentException(
                    "labels: expected one per row (" + features.length + "), found " + labels.length);
        }
        int width = features[0].length;
        requireWidth(features, width);
        for (int row = 0; row < labels.length; row++) {
            if (labels[row] < 0 || labels[row] >= classCount) {
                throw new IllegalArgumentException("labels[" + row + "]: expected a class from 0 to " + (classCount - 1)
                        + ", found " + labels[row]);
            }
        }
        return width;
    }

    private static void requireWidth(double[][] features, int width) {
        for (int row = 0; row < features.length; row++) {
            if (features[row].length != width) {
                throw new IllegalArgumentException(
                        "features[" + row + "]: expected " + width + " inputs, found " + features[row].length);
            }
        }
    }

    private static float[] flatten(double[][] features, int width) {
        float[] flat = new float[Math.multiplyExact(features.length, width)];
        for (int row = 0; row < features.length; row++) {
            for (int column = 0; column < width; column++) {
                flat[row * width + column] = (float) features[row][column];
            }
        }
        return flat;
    }

}
