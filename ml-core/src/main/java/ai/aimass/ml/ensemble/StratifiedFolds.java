package ai.aimass.ml.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.aimass.ml.partition.Shuffles;

/**
 * Assigns rows to k folds, stratified by class: each class's rows are shuffled with one
 * seeded {@link Random}, class by class in class-index order, and dealt to the folds in
 * turn, so every fold holds each class in nearly the same share and the same labels, fold
 * count and seed always give the same folds.
 */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /**
     * Assigns the folds.
     * @param labels the class index of each row
     * @param foldCount k, at least 2, at most the row count of the smallest present class
     * @param seed the seed of the shuffles
     * @return the fold of each row, 0 to k - 1
     * @throws IllegalArgumentException when a present class has fewer than k rows
     */
    public static int[] assign(int[] labels, int foldCount, long seed) {
        return assign(labels, foldCount, seed, true);
    }

    /**
     * Assigns the folds as {@link #assign(int[], int, long)} does, but lets a class have
     * fewer rows than folds: its rows go to the folds that the dealing reaches, so a fold
     * may lack that class or be empty.
     * @param labels the class index of each row
     * @param foldCount k, at least 2
     * @param seed the seed of the shuffles
     * @return the fold of each row, 0 to k - 1
     */
    public static int[] deal(int[] labels, int foldCount, long seed) {
        return assign(labels, foldCount, seed, false);
    }

    private static int[] assign(int[] labels, int foldCount, long seed, boolean everyFoldHoldsEveryClass) {
        if (foldCount < 2) {
            throw new IllegalArgumentException("foldCount: expected at least 2, found " + foldCount);
        }
        List<List<Integer>> rowsByClass = new ArrayList<>();
        for (int row = 0; row < labels.length; row++) {
            while (rowsByClass.size() <= labels[row]) {
                rowsByClass.add(new ArrayList<>());
            }
            rowsByClass.get(labels[row]).add(row);
        }
        Random random = new Random(seed);
        int[] folds = new int[labels.length];
        int next = 0;
        for (int label = 0; label < rowsByClass.size(); label++) {
            int[] rows = rowsByClass.get(label).stream().mapToInt(Integer::intValue).toArray();
            if (everyFoldHoldsEveryClass && rows.length > 0 && rows.length < foldCount) {
                throw new IllegalArgumentException("foldCount: expected at most " + rows.length + ", the rows of class "
                        + label + ", found " + foldCount);
            }
            Shuffles.shuffle(rows, random);
            for (int row : rows) {
                folds[row] = next;
                next = (next + 1) % foldCount;
            }
        }
        return folds;
    }

    /**
     * Returns the smallest number of rows of any class present.
     * @param labels the class index of each row
     * @return the count, or 0 when there are no rows
     */
    public static int smallestClassCount(int[] labels) {
        java.util.Map<Integer, Integer> counts = new java.util.TreeMap<>();
        for (int label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        return counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

}
