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
 * It is built by {@link #combine(TabularSchema, List)} from the participants' sufficient
 * statistics alone (count, sum and sum of squares per numeric column, the categories of
 * each categorical column), so the coordinator never needs a participant's rows: the
 * pooled mean is {@code sum(sums) / sum(counts)} and the pooled population variance
 * {@code sum(sumsOfSquares) / sum(counts) - mean^2}. A category that no participant had
 * encodes as all zeros. It is an immutable record that Jackson writes and reads as JSON.
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
        double count = 0;
        double sum = 0;
        double sumOfSquares = 0;
        for (DatasetProfile profile : profiles) {
            ColumnStatistics statistics = profile.columns().get(column);
            count += statistics.count();
            sum += statistics.sum();
            sumOfSquares += statistics.sumOfSquares();
        }
        if (count == 0) {
            throw new IllegalArgumentException(
                    "feature \"" + feature.name() + "\": expected at least 1 value across participants, found none");
        }
        double mean = sum / count;
        double variance = Math.max(0, sumOfSquares / count - mean * mean);
        double standardDeviation = Math.sqrt(variance);
        double scale = (standardDeviation > 0) ? standardDeviation : 1;
        return new FeatureEncoding(feature.name(), ColumnType.NUMERIC, mean, scale, List.of());
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
     * @throws InvalidFeatureException when a cell does not fit its feature
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
     * @throws InvalidFeatureException when a value does not fit its feature
     */
    public double[] encodeValues(List<Object> valuesInSchemaOrder) {
        requireCount(valuesInSchemaOrder.size(), "values");
        double[] inputs = new double[inputWidth()];
        int offset = 0;
        for (int i = 0; i < this.features.size(); i++) {
            FeatureEncoding feature = this.features.get(i);
            Object value = valuesInSchemaOrder.get(i);
            if (feature.type() == ColumnType.NUMERIC) {
                inputs[offset] = standardise(feature, requireNumber(feature, value));
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
     * count is wrong or a value is not finite
     */
    public double[] encodeNumbers(double[] valuesInSchemaOrder) {
        requireNumericOnly();
        requireCount(valuesInSchemaOrder.length, "values");
        double[] inputs = new double[valuesInSchemaOrder.length];
        for (int i = 0; i < inputs.length; i++) {
            FeatureEncoding feature = this.features.get(i);
            inputs[i] = standardise(feature, requireFinite(feature, valuesInSchemaOrder[i]));
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
            return requireFinite(feature, number.doubleValue());
        }
        throw invalid(feature, "expected a number, found " + JsonReadProblems.describeValue(value));
    }

    private static double requireFinite(FeatureEncoding feature, double value) {
        if (!Double.isFinite(value)) {
            throw invalid(feature, "expected a finite number, found " + value);
        }
        return value;
    }

    private static double standardise(FeatureEncoding feature, double value) {
        return (value - feature.mean()) / feature.scale();
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
