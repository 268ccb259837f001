package ai.aimass.ml.preprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import ai.aimass.ml.json.JsonReadProblems;
import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.ColumnStatistics;
import ai.aimass.ml.tabular.ColumnType;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.NumericCells;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * The feature encoding fixed for a job and stored in its model bundles: numeric features
 * are standardised, categorical features one-hot encoded.
 * <p>
 * It is built by {@link #combine(TabularSchema, List)} from the participants' column
 * statistics alone (count, sum, min, max, mean and deviation per numeric column, the
 * categories of each categorical column), so the coordinator never needs a participant's
 * rows: the pooled mean is {@code sum(sums) / sum(counts)}, kept within the pooled
 * {@code [min, max]}, and the pooled population variance
 * {@code sum(n_i * (sd_i^2 + (mean_i - mean)^2)) / sum(counts)} (Chan, Golub and LeVeque
 * 1979), equal to {@code sum(sumsOfSquares) / sum(counts) - mean^2} but free of its
 * cancellation. A column whose pooled min equals its max has its value as mean and scale
 * 1. A category that no participant had encodes as all zeros.
 * <p>
 * Every encoded numeric input must be a finite number within the float32 range that the
 * model computes in; a value outside it is an {@link InvalidFeatureException}. It is an
 * immutable record that Jackson writes and reads as JSON.
 *
 * @param features the encoding of each feature, in schema order
 */
public record FeaturePreprocessor(List<FeatureEncoding> features) {

    public FeaturePreprocessor {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
    }

    /**
     * Pools the participants' statistics into one preprocessor.
     * @param schema the job's schema, whose feature names and types every participant
     * must share
     * @param participantProfiles the participants' profiles, in participant order, at
     * least one
     * @return the preprocessor
     * @throws SchemaMismatchException when a participant's schema differs from
     * {@code schema}
     */
    public static FeaturePreprocessor combine(TabularSchema schema, List<DatasetProfile> participantProfiles) {
        ParticipantSchemas.requireCompatible(schema, participantProfiles);
        List<FeatureEncoding> features = new ArrayList<>();
        for (int column = 0; column < schema.featureCount(); column++) {
            ColumnSchema feature = schema.features().get(column);
            features.add((feature.type() == ColumnType.NUMERIC) ? poolNumeric(feature, column, participantProfiles)
                    : poolCategories(feature, column, participantProfiles));
        }
        return new FeaturePreprocessor(features);
    }

    private static FeatureEncoding poolNumeric(ColumnSchema feature, int column, List<DatasetProfile> profiles) {
        List<ColumnStatistics> columns = profiles.stream().map((profile) -> profile.columns().get(column)).toList();
        double count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ColumnStatistics statistics : columns) {
            count += statistics.count();
            sum += statistics.sum();
            min = Math.min(min, statistics.min());
            max = Math.max(max, statistics.max());
        }
        if (count == 0) {
            throw new IllegalArgumentException(
                    "feature \"" + feature.name() + "\": expected at least 1 value across participants, found none");
        }
        if (min == max) {
            return new FeatureEncoding(feature.name(), ColumnType.NUMERIC, min, 1, List.of());
        }
        double mean = Math.min(Math.max(sum / count, min), max);
        double standardDeviation = Math.sqrt(pooledSquaredDeviations(columns, mean) / count);
        double scale = (standardDeviation > 0) ? standardDeviation : 1;
        return new FeatureEncoding(feature.name(), ColumnType.NUMERIC, mean, scale, List.of());
    }

    /**
     * Sums the squared deviations from the pooled mean as {@code n * (sd^2 + (mean_i -
     * mean)^2)} per participant (Chan, Golub and LeVeque 1979), which unlike
     * {@code sum(x^2) - n * mean^2} does not cancel to noise, or below 0, when the
     * deviation is small beside the mean.
     */
    private static double pooledSquaredDeviations(List<ColumnStatistics> columns, double mean) {
        double squaredDeviations = 0;
        for (ColumnStatistics statistics : columns) {
            double offset = statistics.mean() - mean;
            double deviation = statistics.standardDeviation();
            squaredDeviations += statistics.count() * (deviation * deviation + offset * offset);
        }
        return squaredDeviations;
    }

    private static FeatureEncoding poolCategories(ColumnSchema feature, int column, List<DatasetProfile> profiles) {
        TreeSet<String> categories = new TreeSet<>(feature.categories());
        profiles.forEach((profile) -> categories.addAll(profile.schema().features().get(column).categories()));
        return new FeatureEncoding(feature.name(), ColumnType.CATEGORICAL, 0, 1, List.copyOf(categories));
    }

    /**
     * Returns the number of model inputs, the width of every encoded row.
     * @return the sum of the features' widths
     */
    public int inputWidth() {
        return this.features.stream().mapToInt(FeatureEncoding::width).sum();
    }

    /**
     * Returns the feature names in schema order.
     * @return the names
     */
    public List<String> featureNames() {
        return this.features.stream().map(FeatureEncoding::name).toList();
    }

    /**
     * Returns whether every feature is numeric, so that rows can be sent as plain
     * numbers.
     * @return true when no feature is categorical
     */
    public boolean numericOnly() {
        return this.features.stream().allMatch((feature) -> feature.type() == ColumnType.NUMERIC);
    }

    /**
     * Encodes one row of CSV cells.
     * @param cellsInSchemaOrder the cells of the features, in schema order
     * @return the model inputs, {@link #inputWidth()} long
     * @throws InvalidFeatureException when a cell does not fit its feature, such as a
     * number beyond the float32 range once standardised
     */
    public double[] encode(List<String> cellsInSchemaOrder) {
        requireCount(cellsInSchemaOrder.size(), "cells");
        double[] inputs = new double[inputWidth()];
        int offset = 0;
        for (int i = 0; i < this.features.size(); i++) {
            FeatureEncoding feature = this.features.get(i);
            String cell = cellsInSchemaOrder.get(i);
            if (cell == null || cell.isBlank()) {
                throw invalid(feature, "expected a value, found an empty cell");
            }
            if (feature.type() == ColumnType.NUMERIC) {
                double value = NumericCells.parse(cell);
                if (Double.isNaN(value)) {
                    throw invalid(feature, "expected a number, found \"" + cell + "\"");
                }
                inputs[offset] = standardise(feature, value);
                if (!fitsFloat32(value, inputs[offset])) {
                    throw outsideFloat32(feature, "\"" + cell + "\"");
                }
            }
            else {
                oneHot(feature, cell, inputs, offset);
            }
            offset += feature.width();
        }
        return inputs;
    }

    /**
     * Encodes rows of CSV cells.
     * @param rows per row, the cells of the features in schema order
     * @return the model inputs per row
     * @throws InvalidFeatureException when a cell does not fit its feature, with
     * {@link InvalidFeatureException#rowIndex()} set
     */
    public double[][] encodeAll(List<List<String>> rows) {
        double[][] inputs = new double[rows.size()][];
        for (int row = 0; row < inputs.length; row++) {
            try {
                inputs[row] = encode(rows.get(row));
            }
            catch (InvalidFeatureException ex) {
                throw ex.atRow(row);
            }
        }
        return inputs;
    }

    /**
     * Encodes one row of JSON values: a {@link Number} for a numeric feature, a
     * {@link String} for a categorical one.
     * @param valuesInSchemaOrder the values of the features, in schema order
     * @return the model inputs, {@link #inputWidth()} long
     * @throws InvalidFeatureException when a value does not fit its feature, such as a
     * number that is not finite or is beyond the float32 range once standardised
     */
    public double[] encodeValues(List<Object> valuesInSchemaOrder) {
        requireCount(valuesInSchemaOrder.size(), "values");
        double[] inputs = new double[inputWidth()];
        int offset = 0;
        for (int i = 0; i < this.features.size(); i++) {
            FeatureEncoding feature = this.features.get(i);
            Object value = valuesInSchemaOrder.get(i);
            if (feature.type() == ColumnType.NUMERIC) {
                double number = requireNumber(feature, value);
                inputs[offset] = standardise(feature, number);
                if (!fitsFloat32(number, inputs[offset])) {
                    throw outsideFloat32(feature, JsonReadProblems.describeValue(value));
                }
            }
            else if (value instanceof String category) {
                oneHot(feature, category, inputs, offset);
            }
            else {
                throw invalid(feature, "expected a string, found " + JsonReadProblems.describeValue(value));
            }
            offset += feature.width();
        }
        return inputs;
    }

    /**
     * Encodes one row of raw numbers, for schemas whose features are all numeric.
     * @param valuesInSchemaOrder the raw feature values, in schema order
     * @return the model inputs, {@link #inputWidth()} long
     * @throws InvalidFeatureException when the schema has a categorical feature, the
     * count is wrong or a value is not finite or standardises beyond the float32 range
     */
    public double[] encodeNumbers(double[] valuesInSchemaOrder) {
        requireNumericOnly();
        requireCount(valuesInSchemaOrder.length, "values");
        double[] inputs = new double[valuesInSchemaOrder.length];
        for (int i = 0; i < inputs.length; i++) {
            FeatureEncoding feature = this.features.get(i);
            double value = valuesInSchemaOrder[i];
            inputs[i] = standardise(feature, value);
            if (!fitsFloat32(value, inputs[i])) {
                throw outsideFloat32(feature,
                        Double.isFinite(value) ? JsonReadProblems.describeValue(value) : String.valueOf(value));
            }
        }
        return inputs;
    }

    private void requireNumericOnly() {
        for (FeatureEncoding feature : this.features) {
            if (feature.type() != ColumnType.NUMERIC) {
                throw invalid(feature, "expected only numeric features for raw numeric input, found a categorical "
                        + "feature; send named feature values instead");
            }
        }
    }

    private void requireCount(int count, String what) {
        if (count != this.features.size()) {
            throw new InvalidFeatureException(null, "expected " + this.features.size() + " feature " + what
                    + " in schema order (" + String.join(", ", featureNames()) + "), found " + count);
        }
    }

    private static double requireNumber(FeatureEncoding feature, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw invalid(feature, "expected a number, found " + JsonReadProblems.describeValue(value));
    }

    private static double standardise(FeatureEncoding feature, double value) {
        return (value - feature.mean()) / feature.scale();
    }

    /**
     * The model computes in float32, where a larger input becomes infinite and then NaN.
     */
    private static boolean fitsFloat32(double value, double standardised) {
        return Double.isFinite(value) && Math.abs(standardised) <= Float.MAX_VALUE;
    }

    private static InvalidFeatureException outsideFloat32(FeatureEncoding feature, String found) {
        return invalid(feature,
                "expected a finite number within the float32 range (about ±3.4e38 after scaling), found " + found);
    }

    private static void oneHot(FeatureEncoding feature, String category, double[] inputs, int offset) {
        int index = Collections.binarySearch(feature.categories(), category);
        if (index >= 0) {
            inputs[offset + index] = 1;
        }
    }

    private static InvalidFeatureException invalid(FeatureEncoding feature, String problem) {
        return new InvalidFeatureException(feature.name(), "feature \"" + feature.name() + "\": " + problem);
    }

}
