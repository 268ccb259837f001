package ai.aimass.ml.tabular;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per-column statistics of one data set, including the sufficient statistics (count, sum,
 * sum of squares) from which a federated coordinator pools a scaler without seeing rows.
 * <p>
 * For a numeric column every number is finite and {@link #categoryCounts()} is empty; the
 * mean lies within {@code [min, max]} despite rounding, the standard deviation is the
 * population one, and it is exactly 0 when {@code min == max}. For a categorical column
 * the numbers are 0 except {@link #count()}, and {@link #categoryCounts()} holds the rows
 * per category in sorted order.
 *
 * @param name the column name
 * @param type the column type
 * @param count the number of cells
 * @param sum the sum of the values
 * @param sumOfSquares the sum of the squared values
 * @param min the smallest value
 * @param max the largest value
 * @param mean the mean
 * @param standardDeviation the population standard deviation
 * @param categoryCounts rows per category, sorted by category
 */
public record ColumnStatistics(String name, ColumnType type, long count, double sum, double sumOfSquares, double min,
        double max, double mean, double standardDeviation, Map<String, Long> categoryCounts) {

    public ColumnStatistics {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        categoryCounts = (categoryCounts != null)
                ? Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(categoryCounts))) : Map.of();
    }

    /**
     * Computes the statistics of a numeric column.
     * @param name the column name
     * @param values the values, at least one
     * @return the statistics
     */
    public static ColumnStatistics ofNumbers(String name, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("column \"" + name + "\": expected at least 1 value, found none");
        }
        double sum = 0;
        double sumOfSquares = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            sum += value;
            sumOfSquares += value * value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double mean = (min == max) ? min : Math.min(Math.max(sum / values.length, min), max);
        double standardDeviation = (min == max) ? 0 : deviationFrom(mean, values);
        return new ColumnStatistics(name, ColumnType.NUMERIC, values.length, sum, sumOfSquares, min, max, mean,
                standardDeviation, Map.of());
    }

    private static double deviationFrom(double mean, double[] values) {
        double squaredDeviations = 0;
        for (double value : values) {
            squaredDeviations += (value - mean) * (value - mean);
        }
        return Math.sqrt(squaredDeviations / values.length);
    }

    /**
     * Computes the statistics of a categorical column.
     * @param name the column name
     * @param categoryCounts rows per category
     * @return the statistics
     */
    public static ColumnStatistics ofCategories(String name, Map<String, Long> categoryCounts) {
        long count = categoryCounts.values().stream().mapToLong(Long::longValue).sum();
        return new ColumnStatistics(name, ColumnType.CATEGORICAL, count, 0, 0, 0, 0, 0, 0, categoryCounts);
    }

}
