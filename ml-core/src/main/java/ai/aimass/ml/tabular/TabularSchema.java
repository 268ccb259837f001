package ai.aimass.ml.tabular;

import java.util.List;
import java.util.Objects;

/**
 * The input contract of a tabular data set or model: feature columns in order, the label
 * column and its classes.
 * <p>
 * Devices are coded against this order: a model takes its features in exactly the order
 * of {@link #features()}.
 *
 * @param features the feature columns, in the order of the file (label column excluded)
 * @param labelColumn the name of the label column
 * @param labelClasses the distinct label values, sorted
 */
public record TabularSchema(List<ColumnSchema> features, String labelColumn, List<String> labelClasses) {

    public TabularSchema {
        features = List.copyOf(Objects.requireNonNull(features, "features"));
        Objects.requireNonNull(labelColumn, "labelColumn");
        labelClasses = (labelClasses != null) ? List.copyOf(labelClasses.stream().sorted().toList()) : List.of();
    }

    /**
     * Returns the feature names in schema order.
     * @return the names
     */
    public List<String> featureNames() {
        return this.features.stream().map(ColumnSchema::name).toList();
    }

    /**
     * Returns the number of feature columns.
     * @return the count
     */
    public int featureCount() {
        return this.features.size();
    }

    /**
     * Returns whether every feature is numeric.
     * @return true when no feature is categorical
     */
    public boolean numericOnly() {
        return this.features.stream().allMatch((column) -> column.type() == ColumnType.NUMERIC);
    }

    /**
     * Returns a feature column by name.
     * @param name the column name
     * @return the column
     * @throws IllegalArgumentException when the schema has no such feature
     */
    public ColumnSchema column(String name) {
        for (ColumnSchema column : this.features) {
            if (column.name().equals(name)) {
                return column;
            }
        }
        throw new IllegalArgumentException(
                "expected one of the features " + String.join(", ", featureNames()) + ", found \"" + name + "\"");
    }

}
