package ai.aimass.ml.tabular;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a participant may share about its data set: the schema, the row count, rows per
 * label class and per-column statistics, never rows.
 *
 * @param schema the inferred schema
 * @param rowCount the number of data rows
 * @param classCounts rows per label class, sorted by class
 * @param columns statistics of the feature columns, in schema order (label excluded)
 */
public record DatasetProfile(TabularSchema schema, int rowCount, Map<String, Long> classCounts,
        List<ColumnStatistics> columns) {

    public DatasetProfile {
        Objects.requireNonNull(schema, "schema");
        classCounts = (classCounts != null)
                ? Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(classCounts))) : Map.of();
        columns = (columns != null) ? List.copyOf(columns) : List.of();
    }

    /**
     * Returns the statistics of a feature column.
     * @param name the column name
     * @return the statistics
     * @throws IllegalArgumentException when there is no such feature
     */
    public ColumnStatistics column(String name) {
        return this.columns.stream()
            .filter((column) -> column.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("expected one of the features "
                    + String.join(", ", this.schema.featureNames()) + ", found \"" + name + "\""));
    }

}
