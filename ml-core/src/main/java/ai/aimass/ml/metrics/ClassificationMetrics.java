package ai.aimass.ml.metrics;

/**
 * Classification metrics over class indexes and predicted class probabilities.
 * <p>
 * Every method requires non-empty inputs of matching lengths and rejects others with an
 * {@link IllegalArgumentException}.
 */
public final class ClassificationMetrics {

    /**
     * The smallest probability that {@link #logLoss(int[], double[][])} takes the log of.
     */
    public static final double MIN_PROBABILITY = 1e-15;

    private ClassificationMetrics() {
    }

    /**
     * Returns the share of rows whose prediction equals the truth.
     * @param truth the true class of each row
     * @param predicted the predicted class of each row
     * @return the accuracy, from 0 to 1
     */
    public static double accuracy(int[] truth, int[] predicted) {
        requireSameLength(truth.length, predicted.length);
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        return (double) correct / truth.length;
    }

    /**
     * Returns the index of the largest value, the first one on a tie.
     * @param values the values, at least one, none NaN
     * @return the index
     */
    public static int argmax(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("expected at least 1 value, found none");
        }
        int best = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new IllegalArgumentException("values[" + i + "]: expected a number, found NaN");
            }
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Returns the most probable class of each row.
     * @param probabilities the class probabilities of each row
     * @return the classes
     */
    public static int[] argmax(double[][] probabilities) {
        int[] classes = new int[probabilities.length];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = argmax(probabilities[i]);
        }
        return classes;
    }

    /**
     * Returns the mean negative log-likelihood of the true classes (cross-entropy), with
     * probabilities below {@value #MIN_PROBABILITY} taken as that value.
     * @param truth the true class of each row
     * @param probabilities the class probabilities of each row
     * @return the log loss, 0 or more
     */
    public static double logLoss(int[] truth, double[][] probabilities) {
        requireSameLength(truth.length, probabilities.length);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= probabilities[i].length) {
                throw new IllegalArgumentException("truth[" + i + "]: expected a class from 0 to "
                        + (probabilities[i].length - 1) + ", found " + truth[i]);
            }
            sum -= Math.log(Math.max(probabilities[i][truth[i]], MIN_PROBABILITY));
        }
        return sum / truth.length;
    }

    private static void requireSameLength(int truthLength, int otherLength) {
        if (truthLength == 0) {
            throw new IllegalArgumentException("expected at least 1 row, found none");
        }
        if (truthLength != otherLength) {
            throw new IllegalArgumentException(
                    "expected as many predictions as true classes (" + truthLength + "), found " + otherLength);
        }
    }

}
