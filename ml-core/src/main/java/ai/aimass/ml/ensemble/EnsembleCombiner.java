package ai.aimass.ml.ensemble;

import java.util.Arrays;
import java.util.List;

import ai.aimass.ml.metrics.ClassificationMetrics;

/**
 * How an ensemble turns its members' class probabilities into its own: the combiner's
 * kind and its numbers, stored as JSON in the bundle's manifest.
 * <p>
 * The kinds, for K members and C classes, where p_k(x) is member k's probabilities:
 * <ul>
 * <li>{@code mean} (bagging): the mean of the members' probabilities.</li>
 * <li>{@code samme} (AdaBoost, Zhu, Zou, Rosset and Hastie 2009): {@code weights} holds
 * the stage weights a_k; class c scores sum_k a_k [argmax p_k(x) = c], and the
 * probabilities are the scores divided by sum_k a_k.</li>
 * <li>{@code voting}: f(x) = (1/K) sum_k weights[k] f_k(x) + bias, where f_k(x) is p_k(x)
 * for {@code soft} voting and the one-hot vector of its most probable class for
 * {@code hard} voting. The answer is the class of the largest f; the probabilities are f
 * shifted up so that its smallest entry is 0 when one is negative, then divided by its
 * sum (uniform when all entries are equal).</li>
 * <li>{@code stacking}: a multinomial logistic regression over the members' probabilities
 * concatenated in member order, z = x coefficients + bias, softmax(z).
 * {@code coefficients} has K * C rows of C numbers.</li>
 * </ul>
 *
 * @param kind one of {@link #KINDS}
 * @param voting {@code soft} or {@code hard} for {@code voting}, otherwise null
 * @param weights a_k for {@code samme} and {@code voting}, otherwise null
 * @param bias one number per class for {@code voting} and {@code stacking}, otherwise
 * null
 * @param coefficients the stacking meta-learner's coefficients, otherwise null
 */
public record EnsembleCombiner(String kind, String voting, double[] weights, double[] bias, double[][] coefficients) {

    /** The mean of the members' probabilities. */
    public static final String KIND_MEAN = "mean";

    /** The SAMME weighted vote. */
    public static final String KIND_SAMME = "samme";

    /** Weighted soft or hard voting with a bias. */
    public static final String KIND_VOTING = "voting";

    /** A logistic-regression meta-learner. */
    public static final String KIND_STACKING = "stacking";

    /** The accepted kinds. */
    public static final List<String> KINDS = List.of(KIND_MEAN, KIND_SAMME, KIND_VOTING, KIND_STACKING);

    /** Soft voting. */
    public static final String VOTING_SOFT = "soft";

    /** Hard voting. */
    public static final String VOTING_HARD = "hard";

    /**
     * Creates the bagging combiner.
     * @return the mean combiner
     */
    public static EnsembleCombiner mean() {
        return new EnsembleCombiner(KIND_MEAN, null, null, null, null);
    }

    /**
     * Creates the AdaBoost combiner.
     * @param stageWeights each kept stage's weight, positive
     * @return the SAMME combiner
     */
    public static EnsembleCombiner samme(double[] stageWeights) {
        return new EnsembleCombiner(KIND_SAMME, null, stageWeights.clone(), null, null);
    }

    /**
     * Creates a voting combiner.
     * @param voting {@code soft} or {@code hard}
     * @param weights a_k per member
     * @param bias beta per class
     * @return the voting combiner
     */
    public static EnsembleCombiner voting(String voting, double[] weights, double[] bias) {
        return new EnsembleCombiner(KIND_VOTING, voting, weights.clone(), bias.clone(), null);
    }

    /**
     * Creates a stacking combiner.
     * @param coefficients K * C rows of C coefficients
     * @param bias one intercept per class
     * @return the stacking combiner
     */
    public static EnsembleCombiner stacking(double[][] coefficients, double[] bias) {
        double[][] copy = new double[coefficients.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = coefficients[i].clone();
        }
        return new EnsembleCombiner(KIND_STACKING, null, null, bias.clone(), copy);
    }

    /**
     * Combines the members' probabilities for one row.
     * @param memberProbabilities per member, the probability of each class
     * @return the ensemble's probability of each class
     */
    public double[] combine(double[][] memberProbabilities) {
        int classCount = memberProbabilities[0].length;
        return switch (this.kind) {
            case KIND_MEAN -> mean(memberProbabilities, classCount);
            case KIND_SAMME -> samme(memberProbabilities, classCount);
            case KIND_VOTING -> normalise(votingScores(memberProbabilities, classCount));
            case KIND_STACKING -> softmax(stackingScores(flatten(memberProbabilities), classCount));
            default -> throw new IllegalStateException("kind: expected one of " + KINDS + ", found " + this.kind);
        };
    }

    /**
     * Combines the members' probabilities for many rows.
     * @param memberProbabilities per member, per row, the probability of each class
     * @return per row, the ensemble's probabilities
     */
    public double[][] combineAll(double[][][] memberProbabilities) {
        int rowCount = memberProbabilities[0].length;
        double[][] combined = new double[rowCount][];
        double[][] row = new double[memberProbabilities.length][];
        for (int r = 0; r < rowCount; r++) {
            for (int k = 0; k < row.length; k++) {
                row[k] = memberProbabilities[k][r];
            }
            combined[r] = combine(row);
        }
        return combined;
    }

    /**
     * Returns the weight member k has in the combination, for a member's vote.
     * @param k the member index
     * @return a_k for {@code samme} and {@code voting}, otherwise 1
     */
    public double memberWeight(int k) {
        return (this.weights != null) ? this.weights[k] : 1;
    }

    /**
     * Returns every number of the combiner in a fixed order: weights, bias, then the
     * coefficients row by row. The ensemble's digest covers them.
     * @return the numbers
     */
    public double[] numbers() {
        int count = length(this.weights) + length(this.bias);
        if (this.coefficients != null) {
            for (double[] row : this.coefficients) {
                count += row.length;
            }
        }
        double[] numbers = new double[count];
        int offset = copyInto(this.weights, numbers, 0);
        offset = copyInto(this.bias, numbers, offset);
        if (this.coefficients != null) {
            for (double[] row : this.coefficients) {
                offset = copyInto(row, numbers, offset);
            }
        }
        return numbers;
    }

    /**
     * Checks that the combiner fits an ensemble.
     * @param path the field path for messages, such as {@code ensemble.combiner}
     * @param memberCount K
     * @param classCount C
     * @throws IllegalArgumentException naming the first field that does not fit
     */
    public void validate(String path, int memberCount, int classCount) {
        if (!KINDS.contains(this.kind)) {
            throw new IllegalArgumentException(path + ".kind: expected one of " + KINDS + ", found " + this.kind);
        }
        boolean votes = KIND_VOTING.equals(this.kind);
        if (votes != (this.voting != null)
                || (votes && !VOTING_SOFT.equals(this.voting) && !VOTING_HARD.equals(this.voting))) {
            throw new IllegalArgumentException(path + ".voting: expected " + (votes ? "soft or hard" : "none")
                    + " for kind " + this.kind + ", found " + this.voting);
        }
        boolean weighted = votes || KIND_SAMME.equals(this.kind);
        requireLength(path + ".weights", this.weights, weighted ? memberCount : -1);
        requireLength(path + ".bias", this.bias, (votes || KIND_STACKING.equals(this.kind)) ? classCount : -1);
        if (weighted) {
            boolean anyPositive = false;
            for (int k = 0; k < memberCount; k++) {
                if (!(this.weights[k] >= 0) || Double.isInfinite(this.weights[k])) {
                    throw new IllegalArgumentException(path + ".weights[" + k
                            + "]: expected a finite number of at least 0, found " + this.weights[k]);
                }
                anyPositive |= this.weights[k] > 0;
            }
            if (!anyPositive) {
                throw new IllegalArgumentException(path + ".weights: expected a weight above 0, found all zero");
            }
        }
        validateCoefficients(path, memberCount, classCount);
        requireFinite(path + ".bias", this.bias);
    }

    private void validateCoefficients(String path, int memberCount, int classCount) {
        if (!KIND_STACKING.equals(this.kind)) {
            if (this.coefficients != null) {
                throw new IllegalArgumentException(path + ".coefficients: expected none for kind " + this.kind
                        + ", found " + this.coefficients.length + " rows");
            }
            return;
        }
        int rows = memberCount * classCount;
        if (this.coefficients == null || this.coefficients.length != rows) {
            throw new IllegalArgumentException(path + ".coefficients: expected " + rows + " rows (members times "
                    + "classes), found " + ((this.coefficients != null) ? this.coefficients.length : "none"));
        }
        for (int i = 0; i < rows; i++) {
            requireLength(path + ".coefficients[" + i + "]", this.coefficients[i], classCount);
            requireFinite(path + ".coefficients[" + i + "]", this.coefficients[i]);
        }
    }

    private static void requireLength(String path, double[] values, int expected) {
        if (expected < 0) {
            if (values != null) {
                throw new IllegalArgumentException(path + ": expected none, found " + values.length + " numbers");
            }
            return;
        }
        if (values == null || values.length != expected) {
            throw new IllegalArgumentException(
                    path + ": expected " + expected + " numbers, found " + ((values != null) ? values.length : "none"));
        }
    }

    private static void requireFinite(String path, double[] values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(path + "[" + i + "]: expected a finite number, found " + values[i]);
            }
        }
    }

    private static double[] mean(double[][] memberProbabilities, int classCount) {
        double[] sum = new double[classCount];
        for (double[] probabilities : memberProbabilities) {
            for (int c = 0; c < classCount; c++) {
                sum[c] += probabilities[c];
            }
        }
        for (int c = 0; c < classCount; c++) {
            sum[c] /= memberProbabilities.length;
        }
        return sum;
    }

    private double[] samme(double[][] memberProbabilities, int classCount) {
        double[] scores = new double[classCount];
        double total = 0;
        for (int k = 0; k < memberProbabilities.length; k++) {
            scores[ClassificationMetrics.argmax(memberProbabilities[k])] += this.weights[k];
            total += this.weights[k];
        }
        for (int c = 0; c < classCount; c++) {
            scores[c] /= total;
        }
        return scores;
    }

    /**
     * Returns f(x) of voting before it is turned into probabilities.
     * @param memberProbabilities per member, the probability of each class
     * @param classCount C
     * @return f(x)
     */
    public double[] votingScores(double[][] memberProbabilities, int classCount) {
        double[] scores = this.bias.clone();
        int memberCount = memberProbabilities.length;
        boolean hard = VOTING_HARD.equals(this.voting);
        for (int k = 0; k < memberCount; k++) {
            double share = this.weights[k] / memberCount;
            if (hard) {
                scores[ClassificationMetrics.argmax(memberProbabilities[k])] += share;
            }
            else {
                for (int c = 0; c < classCount; c++) {
                    scores[c] += share * memberProbabilities[k][c];
                }
            }
        }
        return scores;
    }

    private double[] stackingScores(double[] inputs, int classCount) {
        double[] scores = this.bias.clone();
        for (int i = 0; i < inputs.length; i++) {
            double input = inputs[i];
            double[] row = this.coefficients[i];
            for (int c = 0; c < classCount; c++) {
                scores[c] += input * row[c];
            }
        }
        return scores;
    }

    /**
     * Concatenates the members' probabilities in member order, the stacking
     * meta-learner's input.
     * @param memberProbabilities per member, the probability of each class
     * @return K * C numbers
     */
    public static double[] flatten(double[][] memberProbabilities) {
        int classCount = memberProbabilities[0].length;
        double[] flat = new double[memberProbabilities.length * classCount];
        for (int k = 0; k < memberProbabilities.length; k++) {
            System.arraycopy(memberProbabilities[k], 0, flat, k * classCount, classCount);
        }
        return flat;
    }

    static double[] softmax(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double[] probabilities = new double[scores.length];
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            probabilities[c] = Math.exp(scores[c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < scores.length; c++) {
            probabilities[c] /= sum;
        }
        return probabilities;
    }

    private static double[] normalise(double[] scores) {
        double min = Math.min(0, Arrays.stream(scores).min().orElse(0));
        double sum = 0;
        double[] shifted = new double[scores.length];
        for (int c = 0; c < scores.length; c++) {
            shifted[c] = scores[c] - min;
            sum += shifted[c];
        }
        for (int c = 0; c < scores.length; c++) {
            shifted[c] = (sum > 0) ? shifted[c] / sum : 1.0 / scores.length;
        }
        return shifted;
    }

    private static int length(double[] values) {
        return (values != null) ? values.length : 0;
    }

    private static int copyInto(double[] values, double[] target, int offset) {
        if (values == null) {
            return offset;
        }
        System.arraycopy(values, 0, target, offset, values.length);
        return offset + values.length;
    }

}
