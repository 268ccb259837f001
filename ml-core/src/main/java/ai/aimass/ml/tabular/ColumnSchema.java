package ai.aimass.ml.tabular;

import java.util.List;
import java.util.Objects;

/**
 * One feature column of a {@link TabularSchema}.
 *
 * @param name the column name as in the CSV header
 * @param type whether the column is numeric or categorical
 * @param categories the distinct values of a categorical column, sorted; empty for a
 * numeric column
 */
public record ColumnSchema(String name, ColumnType type, List<String> categories) {

    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        categories = (categories != null) ? List.copyOf(categories.stream().sorted().toList()) : List.of();
        if (type == ColumnType.NUMERIC && !categories.isEmpty()) {
            throw new IllegalArgumentException(
                    "column \"" + name + "\": expected no categories for a numeric column, found " + categories.size());
        }
    }

    /**
     * Creates a numeric column.
     * @param name the column name
     * @return the column
     */
    public static ColumnSchema numeric(String name) {
        return new ColumnSchema(name, ColumnType.NUMERIC, List.of());
    }

    /**
     * Creates a categorical column.
     * @param name the column name
     * @param categories its categories, in any order
     * @return the column
     */
    public static ColumnSchema categorical(String name, List<String> categories) {
        return new ColumnSchema(name, ColumnType.CATEGORICAL, categories);
    }

}
