package ai.aimass.ml.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * The training view of a validated table: the raw feature cells of each row in schema
 * order and the index of each row's label in a fixed class list.
 * <p>
 * The class list is normally the job's combined list, not the participant's own, so that
 * every participant numbers classes the same way. Encoding the cells into numbers is the
 * job of a {@code FeaturePreprocessor}.
 *
 * @param featureCells per row, the feature cells in schema order
 * @param labelIndexes per row, the index of its label in the class list
 */
public record TabularRows(List<List<String>> featureCells, int[] labelIndexes) {

    public TabularRows {
        featureCells = List.copyOf(featureCells);
        if (featureCells.size() != labelIndexes.length) {
            throw new IllegalArgumentException(
                    "expected one label per row (" + featureCells.size() + " rows), found " + labelIndexes.length);
        }
    }

    /**
     * Extracts the training view of a table.
     * @param table a table that {@link DatasetProfiler} accepted
     * @param schema the schema whose features and label column to take, looked up by name
     * @param labelClasses the class list that label indexes refer to
     * @return the rows
     * @throws TabularDataException when a column of the schema is missing from the table
     * or a label is not in {@code labelClasses}
     */
    public static TabularRows of(CsvTable table, TabularSchema schema, List<String> labelClasses) {
        int labelColumn = columnIndex(table, schema.labelColumn());
        int[] labelIndexes = new int[table.rowCount()];
        for (int row = 0; row < table.rowCount(); row++) {
            String label = table.rows().get(row).get(labelColumn);
            labelIndexes[row] = labelClasses.indexOf(label);
            if (labelIndexes[row] < 0) {
                throw TabularDataException
                    .invalid(DatasetProfiler.location(table, row, labelColumn) + ": expected one of the label classes ("
                            + String.join(", ", labelClasses) + "), found \"" + label + "\"");
            }
        }
        return new TabularRows(featureCells(table, schema), labelIndexes);
    }

    /**
     * Returns the number of rows.
     * @return the count
     */
    public int rowCount() {
        return this.labelIndexes.length;
    }

    static List<List<String>> featureCells(CsvTable table, TabularSchema schema) {
        int[] columns = schema.features().stream().mapToInt((column) -> columnIndex(table, column.name())).toArray();
        List<List<String>> rows = new ArrayList<>(table.rowCount());
        for (List<String> cells : table.rows()) {
            List<String> selected = new ArrayList<>(columns.length);
            for (int column : columns) {
                selected.add(cells.get(column));
            }
            rows.add(List.copyOf(selected));
        }
        return rows;
    }

    private static int columnIndex(CsvTable table, String name) {
        int index = table.columnIndex(name);
        if (index < 0) {
            throw TabularDataException.invalid("expected a column \"" + name + "\" as in the schema, found only "
                    + String.join(", ", table.header()));
        }
        return index;
    }

}
