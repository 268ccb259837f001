package ai.aimass.ml.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Splits rows into a training and a validation part, stratified by class.
 * <p>
 * Each class gives {@code round(n * validationFraction)} of its {@code n} rows to
 * validation, but always keeps at least one row for training. Where that would hold out
 * no row at all, as a small fraction of a small data set does, the largest class with at
 * least 2 rows (the first such class among equals) gives one row, so the validation part
 * is empty only when every class has a single row. Rows are drawn with a {@link Random}
 * seeded once and used class by class in class-index order, so the same labels, fraction
 * and seed always give the same split. The row indexes of each part are returned in
 * ascending order.
 */
public final class TrainValidationSplit {

    /** The largest accepted validation fraction. */
    public static final double MAX_VALIDATION_FRACTION = 0.5;

    private TrainValidationSplit() {
    }

    /**
     * Returns whether a validation fraction is accepted: greater than 0, so that there is
     * something to validate on, and at most {@value #MAX_VALIDATION_FRACTION}.
     * @param validationFraction the fraction
     * @return true when {@link #split(int[], double, long)} accepts it
     */
    public static boolean isValidFraction(double validationFraction) {
        return validationFraction > 0 && validationFraction <= MAX_VALIDATION_FRACTION;
    }

    /**
     * Splits rows by class.
     * @param labelIndexes the class index of each row, non-negative, at least one row
     * @param validationFraction the share of each class to hold out, greater than 0 and
     * at most 0.5
     * @param seed the seed of the draw
     * @return the row indexes of both parts
     * @throws IllegalArgumentException when the fraction is outside (0, 0.5], a class
     * index is negative or there are no rows
     */
    public static Split split(int[] labelIndexes, double validationFraction, long seed) {
        if (!isValidFraction(validationFraction)) {
            throw new IllegalArgumentException("validationFraction: expected a number greater than 0 and at most 0.5, "
                    + "found " + validationFraction);
        }
        if (labelIndexes.length == 0) {
            throw new IllegalArgumentException("labelIndexes: expected at least 1 row, found none");
        }
        List<List<Integer>> rowsByClass = rowsByClass(labelIndexes);
        int[] heldCounts = heldCounts(rowsByClass.stream().mapToInt(List::size).toArray(), validationFraction);
        Random random = new Random(seed);
        int[] train = new int[labelIndexes.length];
        int[] validation = new int[labelIndexes.length];
        int trainCount = 0;
        int validationCount = 0;
        for (int label = 0; label < rowsByClass.size(); label++) {
            int[] shuffled = rowsByClass.get(label).stream().mapToInt(Integer::intValue).toArray();
            Shuffles.shuffle(shuffled, random);
            for (int i = 0; i < shuffled.length; i++) {
                if (i < heldCounts[label]) {
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

    /**
     * Returns how many rows of each class {@link #split(int[], double, long)} keeps for
     * training, without drawing any row: what a caller can check before the rows are
     * read.
     * @param classSizes the number of rows of each class
     * @param validationFraction the share of each class to hold out
     * @return the training rows of each class, in the same order
     */
    public static int[] trainingCounts(int[] classSizes, double validationFraction) {
        int[] held = heldCounts(classSizes, validationFraction);
        int[] training = new int[classSizes.length];
        for (int label = 0; label < training.length; label++) {
            training[label] = classSizes[label] - held[label];
        }
        return training;
    }

    private static int[] heldCounts(int[] classSizes, double validationFraction) {
        int[] heldCounts = new int[classSizes.length];
        int heldTotal = 0;
        int largest = 0;
        for (int label = 0; label < heldCounts.length; label++) {
            int size = classSizes[label];
            heldCounts[label] = (int) Math.min(Math.round(size * validationFraction), Math.max(size - 1L, 0));
            heldTotal += heldCounts[label];
            if (size > classSizes[largest]) {
                largest = label;
            }
        }
        if (heldTotal == 0 && classSizes.length > 0 && classSizes[largest] >= 2) {
            heldCounts[largest] = 1;
        }
        return heldCounts;
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

    /**
     * The two parts of a split.
     *
     * @param trainRows the row indexes for training, ascending
     * @param validationRows the row indexes held out, ascending
     */
    public record Split(int[] trainRows, int[] validationRows) {

    }

}
