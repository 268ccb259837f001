package ai.aimass.ml.ensemble;

import java.util.Arrays;
import java.util.Random;

/**
 * Draws rows with replacement: uniformly for bagging's bootstrap samples (Breiman 1996,
 * "Bagging predictors"), and in proportion to example weights for boosting members that
 * cannot take weights themselves.
 * <p>
 * The same arguments and seed always give the same rows, in draw order.
 */
public final class Resampling {

    private Resampling() {
    }

    /**
     * Draws a bootstrap sample.
     * @param rowCount the number of rows, at least 1
     * @param fraction the sample size as a share of {@code rowCount}, greater than 0 and
     * at most 1; the sample has {@code max(1, round(rowCount * fraction))} rows
     * @param random the source of the draw
     * @return the drawn row indexes
     */
    public static int[] bootstrap(int rowCount, double fraction, Random random) {
        if (rowCount < 1) {
            throw new IllegalArgumentException("rowCount: expected at least 1, found " + rowCount);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction: expected greater than 0 and at most 1, found " + fraction);
        }
        int size = (int) Math.max(1, Math.round(rowCount * fraction));
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = random.nextInt(rowCount);
        }
        return rows;
    }

    /**
     * Draws rows in proportion to their weights.
     * @param weights the example weights, non-negative, not all zero
     * @param size the number of rows to draw
     * @param random the source of the draw
     * @return the drawn row indexes
     */
    public static int[] byWeight(double[] weights, int size, Random random) {
        double[] cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weights[" + i + "]: expected at least 0, found " + weights[i]);
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("weights: expected a positive sum, found " + total);
        }
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            double target = random.nextDouble() * total;
            int found = Arrays.binarySearch(cumulative, target);
            int row = (found >= 0) ? found + 1 : -found - 1;
            rows[i] = skipEmpty(weights, Math.min(row, weights.length - 1));
        }
        return rows;
    }

    /** A draw that lands exactly on a boundary must not pick a row of weight 0. */
    private static int skipEmpty(double[] weights, int row) {
        int chosen = row;
        while (weights[chosen] == 0 && chosen > 0) {
            chosen--;
        }
        return chosen;
    }

    /**
     * Returns which rows a sample left out, its out-of-bag rows.
     * @param rowCount the number of rows
     * @param sample the drawn row indexes
     * @return for each row, whether it was never drawn
     */
    public static boolean[] outOfBag(int rowCount, int[] sample) {
        boolean[] outOfBag = new boolean[rowCount];
        Arrays.fill(outOfBag, true);
        for (int row : sample) {
            outOfBag[row] = false;
        }
        return outOfBag;
    }

}
