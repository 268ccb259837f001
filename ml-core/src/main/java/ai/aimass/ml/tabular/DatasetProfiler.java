package ai.aimass.ml.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Validates a parsed CSV table against the platform's rules and infers its schema and
 * statistics.
 * <p>
 * Every cell must hold a value. A feature column is {@link ColumnType#CATEGORICAL} only
 * if none of its cells is a number by the rule of {@link NumericCells}, and
 * {@link ColumnType#NUMERIC} only if all of them are; a column that mixes both is an
 * error naming the first cell that differs from the majority. Label values are taken as
 * text and there must be at least two classes. Problems are {@link TabularDataException}s
 * with code {@code invalid_input} whose message names the row (as a spreadsheet shows it)
 * and the column.
 */
public final class DatasetProfiler {

    /**
     * Largest magnitude of a numeric cell: its square, summed over many rows, stays
     * finite.
     */
    private static final double MAX_MAGNITUDE = 1e150;

    private DatasetProfiler() {
    }

    /**
     * Validates a table and computes its profile.
     * @param table the parsed file
     * @param labelColumn the name of the label column
     * @return the schema, counts and per-column statistics
     * @throws TabularDataException when the table breaks a rule
     */
    public static DatasetProfile profile(CsvTable table, String labelColumn) {
        int labelIndex = requireLabelColumn(table, labelColumn);
        requireNoEmptyCells(table);
        List<ColumnSchema> features = new ArrayList<>();
        List<ColumnStatistics> statistics = new ArrayList<>();
        for (int column = 0; column < table.header().size(); column++) {
            if (column != labelIndex) {
                ColumnStatistics columnStatistics = profileColumn(table, column);
                statistics.add(columnStatistics);
                features.add(new ColumnSchema(columnStatistics.name(), columnStatistics.type(),
                        List.copyOf(columnStatistics.categoryCounts().keySet())));
            }
        }
        Map<String, Long> classCounts = countValues(table, labelIndex);
        requireTwoClasses(labelColumn, classCounts);
        TabularSchema schema = new TabularSchema(features, labelColumn, List.copyOf(classCounts.keySet()));
        return new DatasetProfile(schema, table.rowCount(), classCounts, statistics);
    }

    /**
     * Returns the numeric feature values of a table whose features are all numeric.
     * @param table a table that {@link #profile(CsvTable, String)} accepted
     * @param schema its schema
     * @return one row of raw values per data row, in schema order
     * @throws IllegalArgumentException when the schema has a categorical feature
     */
    public static double[][] numericFeatures(CsvTable table, TabularSchema schema) {
        if (!schema.numericOnly()) {
            throw new IllegalArgumentException(
                    "expected a schema whose features are all numeric, found categorical " + "features");
        }
        List<List<String>> cells = TabularRows.featureCells(table, schema);
        double[][] values = new double[cells.size()][];
        for (int row = 0; row < cells.size(); row++) {
            List<String> rowCells = cells.get(row);
            values[row] = new double[rowCells.size()];
            for (int column = 0; column < rowCells.size(); column++) {
                values[row][column] = NumericCells.parse(rowCells.get(column));
            }
        }
        return values;
    }

    private static int requireLabelColumn(CsvTable table, String labelColumn) {
        int labelIndex = (labelColumn != null) ? table.columnIndex(labelColumn) : -1;
        if (labelIndex < 0) {
            throw TabularDataException.invalid("label column: expected one of the header's columns ("
                    + String.join(", ", table.header()) + "), found " + quoteOrNone(labelColumn));
        }
        if (table.header().size() < 2) {
            throw TabularDataException.invalid(
                    "expected at least 1 feature column besides the label column \"" + labelColumn + "\", found none");
        }
        return labelIndex;
    }

    private static void requireNoEmptyCells(CsvTable table) {
        for (int row = 0; row < table.rowCount(); row++) {
            List<String> cells = table.rows().get(row);
            for (int column = 0; column < cells.size(); column++) {
                if (NumericCells.isBlank(cells.get(column))) {
                    throw TabularDataException
                        .invalid(location(table, row, column) + ": expected a value, found an empty cell");
                }
            }
        }
    }

    private static ColumnStatistics profileColumn(CsvTable table, int column) {
        String name = table.header().get(column);
        double[] values = new double[table.rowCount()];
        int numberCount = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            values[row] = NumericCells.parse(table.rows().get(row).get(column));
            if (!Double.isNaN(values[row])) {
                numberCount++;
            }
        }
        if (numberCount == table.rowCount()) {
            requireSquaresFit(table, column, values);
            return ColumnStatistics.ofNumbers(name, values);
        }
        if (numberCount == 0) {
            return ColumnStatistics.ofCategories(name, countValues(table, column));
        }
        throw mixedColumn(table, column, values, numberCount * 2 >= table.rowCount());
    }

    /**
     * The statistics that stand in for the rows keep a sum of squares, which must stay
     * finite for the pooled scaler to be computed.
     */
    private static void requireSquaresFit(CsvTable table, int column, double[] values) {
        for (int row = 0; row < values.length; row++) {
            if (Math.abs(values[row]) > MAX_MAGNITUDE) {
                throw TabularDataException.invalid(location(table, row, column) + ": expected a number of magnitude at "
                        + "most 1e150, found \"" + table.rows().get(row).get(column) + "\"");
            }
        }
    }

    private static TabularDataException mixedColumn(CsvTable table, int column, double[] values,
            boolean mostlyNumbers) {
        for (int row = 0; row < values.length; row++) {
            if (Double.isNaN(values[row]) == mostlyNumbers) {
                String cell = table.rows().get(row).get(column);
                String expected = mostlyNumbers ? "a number"
                        : "text, as in most of the column (a column with any text is categorical)";
                return TabularDataException
                    .invalid(location(table, row, column) + ": expected " + expected + ", found \"" + cell + "\"");
            }
        }
        throw new IllegalStateException("no mixed cell in column " + column);
    }

    private static Map<String, Long> countValues(CsvTable table, int column) {
        Map<String, Long> counts = new TreeMap<>();
        for (List<String> cells : table.rows()) {
            counts.merge(cells.get(column), 1L, Long::sum);
        }
        return counts;
    }

    private static void requireTwoClasses(String labelColumn, Map<String, Long> classCounts) {
        if (classCounts.size() < 2) {
            String only = classCounts.keySet().iterator().next();
            throw TabularDataException.invalid(
                    "label column \"" + labelColumn + "\" must have at least 2 classes, found 1 (\"" + only + "\")");
        }
    }

    static String location(CsvTable table, int rowIndex, int column) {
        return "row " + CsvTable.rowNumber(rowIndex) + ", column \"" + table.header().get(column) + "\"";
    }

    private static String quoteOrNone(String value) {
        return (value != null) ? "\"" + value + "\"" : "none";
    }

}
