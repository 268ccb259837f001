package ai.aimass.ml.tabular;

import java.util.regex.Pattern;

/**
 * The rule that decides whether a CSV cell holds a number, shared by the profiler and the
 * feature encoder so that both read a cell the same way.
 * <p>
 * A number is a plain decimal with an optional sign, fraction and exponent ({@code 12},
 * {@code -0.5}, {@code .5}, {@code 1e-3}) whose value is finite, and nothing else: like
 * every cell it is not trimmed, so {@code " 2"} or {@code "2\t"} is not a number.
 * {@code NaN}, {@code Infinity}, hexadecimal and Java suffixes such as {@code 1d} are not
 * numbers either.
 */
public final class NumericCells {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumericCells() {
    }

    /**
     * Returns whether a cell holds nothing but spaces.
     * @param cell the cell
     * @return true when the cell is empty or blank
     */
    public static boolean isBlank(String cell) {
        return cell.isBlank();
    }

    /**
     * Returns whether a cell holds a number.
     * @param cell the cell
     * @return true when {@link #parse(String)} would succeed
     */
    public static boolean isNumber(String cell) {
        return !Double.isNaN(parse(cell));
    }

    /**
     * Parses a cell as a number.
     * @param cell the cell
     * @return the value, or {@link Double#NaN} when the cell is not a number
     */
    public static double parse(String cell) {
        if (!NUMBER.matcher(cell).matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(cell);
        return Double.isFinite(value) ? value : Double.NaN;
    }

}
