package ai.aimass.ml.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Splits rows into a training and a validation part, stratified by class.
 * <p>
 * Each class gives {@code round(n * validationFraction)} of its {@code n} rows to
 * validation, but always keeps at least one row for training. Rows are drawn with a
 * {@link Random} seeded once and used class by class in class-index order, so the same
 * labels, fraction and seed always give the same split. The row indexes of each part are
 * returned in ascending order.
 */
public final class TrainValidationSplit {

    /** The largest accepted validation fraction. */
    public static final double MAX_VALIDATION_FRACTION = 0.5;

    private TrainValidationSplit() {
    }

    /**
     * Splits rows by class.
     * @param labelIndexes the class index of each row, non-negative, at least one row
     * @param validationFraction the share of each class to hold out, from 0 to 0.5
     * @param seed the seed of the draw
     * @return the row indexes of both parts
     * @throws IllegalArgumentException when the fraction is outside [0, 0.5], a class
     * index is negative or there are no rows
     */
    public static Split split(int[] labelIndexes, double validationFraction, long seed) {
        if (!(validationFraction >= 0 && validationFraction <= MAX_VALIDATION_FRACTION)) {
            throw new IllegalArgumentException(
                    "validationFraction: expected a number from 0 to 0.5, found " + validationFraction);
        }
        if (labelIndexes.length == 0) {
            throw new IllegalArgumentException("labelIndexes: expected at least 1 row, found none");
        }
        List<List<Integer>> rowsByClass = rowsByClass(labelIndexes);
        Random random = new Random(seed);
        int[] train = new int[labelIndexes.length];
        int[] validation = new int[labelIndexes.length];
        int trainCount = 0;
        int validationCount = 0;
        for (List<Integer> rows : rowsByClass) {
            int[] shuffled = rows.stream().mapToInt(Integer::intValue).toArray();
            shuffle(shuffled, random);
            int held = (int) Math.min(Math.round(shuffled.length * validationFraction), shuffled.length - 1L);
            for (int i = 0; i < shuffled.length; i++) {
                if (i < held) {
                    validation[validationCount++] = shuffled[i];
                }
                else {
                    train[trainCount++] = shuffled[i];
                }
            }
        }
        int[] trainRows = Arrays.copyOf(train, trainCount);
        int[] validationRows = Arrays.copyOf(validation, validationCount);
        Arrays.sort(trainRows);
        Arrays.sort(validationRows);
        return new Split(trainRows, validationRows);
    }

    private static List<List<Integer>> rowsByClass(int[] labelIndexes) {
        List<List<Integer>> rowsByClass = new ArrayList<>();
        for (int row = 0; row < labelIndexes.length; row++) {
            int label = labelIndexes[row];
            if (label < 0) {
                throw new IllegalArgumentException(
                        "labelIndexes[" + row + "]: expected a class index of 0 or more, found " + label);
            }
            while (rowsByClass.size() <= label) {
                rowsByClass.add(new ArrayList<>());
            }
            rowsByClass.get(label).add(row);
        }
        return rowsByClass;
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /**
     * The two parts of a split.
     *
     * @param trainRows the row indexes for training, ascending
     * @param validationRows the row indexes held out, ascending
     */
    public record Split(int[] trainRows, int[] validationRows) {

    }

}
