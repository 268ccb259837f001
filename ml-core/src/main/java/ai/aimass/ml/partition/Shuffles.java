package ai.aimass.ml.partition;

import java.util.Random;

/**
 * The one seeded shuffle of row orders, shared by the validation split and local training
 * so that both visit rows in an order that a seed fixes.
 */
public final class Shuffles {

    private Shuffles() {
    }

    /**
     * Shuffles the values in place (Fisher and Yates, as Durstenfeld gave it).
     * @param values the values to reorder
     * @param random the source of the order; the same seed gives the same order
     */
    public static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

}
