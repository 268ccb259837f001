package ai.aimass.ml.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed CSV file: the header and the data rows, every row as wide as the header.
 * <p>
 * Cells are kept exactly as they appear in the file (nothing is trimmed). Row {@code i}
 * of {@link #rows()} is the file's row {@code i + 2} as a spreadsheet numbers it, the
 * header being row 1; see {@link #rowNumber(int)}.
 *
 * @param header the column names, unique and non-empty
 * @param rows the data rows
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    public CsvTable {
        header = List.copyOf(Objects.requireNonNull(header, "header"));
        rows = List.copyOf(Objects.requireNonNull(rows, "rows"));
    }

    /**
     * Returns the position of a column in the header.
     * @param name the column name
     * @return the zero-based index, or -1 when the header has no such column
     */
    public int columnIndex(String name) {
        return this.header.indexOf(name);
    }

    /**
     * Returns the number of data rows.
     * @return the row count, header excluded
     */
    public int rowCount() {
        return this.rows.size();
    }

    /**
     * Returns the row number that a spreadsheet shows for a data row.
     * @param rowIndex the zero-based index into {@link #rows()}
     * @return {@code rowIndex + 2}
     */
    public static int rowNumber(int rowIndex) {
        return rowIndex + 2;
    }

    /**
     * Returns a table with the same header and the chosen rows, in the order given.
     * @param rowIndexes zero-based indexes into {@link #rows()}
     * @return the subset
     */
    public CsvTable subset(int[] rowIndexes) {
        List<List<String>> selected = new ArrayList<>(rowIndexes.length);
        for (int rowIndex : rowIndexes) {
            selected.add(this.rows.get(rowIndex));
        }
        return new CsvTable(this.header, selected);
    }

}
