package ai.aimass.ml.ensemble;

/**
 * The arithmetic of SAMME, the multi-class AdaBoost of Zhu, Zou, Rosset and Hastie 2009
 * ("Multi-class AdaBoost"), which for two classes is the AdaBoost.M1 of Freund and
 * Schapire 1997.
 * <p>
 * A stage whose weighted error e is below 1 - 1/C (better than guessing among C classes)
 * gets the weight a = ln((1 - e) / e) + ln(C - 1) &gt; 0, and every row it misclassifies
 * has its example weight multiplied by exp(a) before the weights are normalised to sum to
 * 1. A stage with e &ge; 1 - 1/C is no better than chance and ends the boosting; an error
 * within {@value #CHANCE_TOLERANCE} of chance counts as chance, since right after a
 * reweighting the previous stage's error is exactly 1/2 in exact arithmetic and rounding
 * must not keep a stage that only repeats it.
 */
public final class Samme {

    /**
     * The smallest error the stage weight is computed from, so that a stage without
     * mistakes gets a large but finite weight.
     */
    public static final double MIN_ERROR = 1e-10;

    /** How close to chance an error counts as chance. */
    public static final double CHANCE_TOLERANCE = 1e-9;

    private Samme() {
    }

    /**
     * Returns whether a stage is better than chance.
     * @param error the weighted error, 0 to 1
     * @param classCount C, at least 2
     * @return true when {@code error < 1 - 1/C - }{@value #CHANCE_TOLERANCE}
     */
    public static boolean isBetterThanChance(double error, int classCount) {
        return error < 1 - 1.0 / classCount - CHANCE_TOLERANCE;
    }

    /**
     * Returns a stage's weight.
     * @param error the weighted error, below 1 - 1/C
     * @param classCount C, at least 2
     * @return ln((1 - e) / e) + ln(C - 1), with e at least {@value #MIN_ERROR}
     * @throws IllegalArgumentException when the stage is no better than chance
     */
    public static double stageWeight(double error, int classCount) {
        if (!isBetterThanChance(error, classCount)) {
            throw new IllegalArgumentException("error: expected below " + (1 - 1.0 / classCount) + " for " + classCount
                    + " classes, found " + error);
        }
        double bounded = Math.max(error, MIN_ERROR);
        return Math.log((1 - bounded) / bounded) + Math.log(classCount - 1);
    }

    /**
     * Returns the weighted error of a stage.
     * @param weights the example weights, summing to 1
     * @param truth the true class of each row
     * @param predicted the stage's class for each row
     * @return the sum of the weights of the misclassified rows
     */
    public static double weightedError(double[] weights, int[] truth, int[] predicted) {
        double error = 0;
        for (int i = 0; i < weights.length; i++) {
            if (truth[i] != predicted[i]) {
                error += weights[i];
            }
        }
        return error;
    }

    /**
     * Returns the example weights of the next stage.
     * @param weights this stage's example weights
     * @param truth the true class of each row
     * @param predicted this stage's class for each row
     * @param stageWeight this stage's weight a
     * @return the new weights, normalised to sum to 1
     */
    public static double[] reweight(double[] weights, int[] truth, int[] predicted, double stageWeight) {
        double[] next = new double[weights.length];
        double factor = Math.exp(stageWeight);
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            next[i] = (truth[i] != predicted[i]) ? weights[i] * factor : weights[i];
            sum += next[i];
        }
        for (int i = 0; i < next.length; i++) {
            next[i] /= sum;
        }
        return next;
    }

    /**
     * Returns the uniform weights of the first stage.
     * @param rowCount the number of rows, at least 1
     * @return 1 / rowCount for every row
     */
    public static double[] uniform(int rowCount) {
        double[] weights = new double[rowCount];
        java.util.Arrays.fill(weights, 1.0 / rowCount);
        return weights;
    }

}
