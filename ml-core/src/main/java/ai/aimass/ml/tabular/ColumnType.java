package ai.aimass.ml.tabular;

/**
 * The kind of values a feature column holds.
 */
public enum ColumnType {

    /** Every cell is a number. */
    NUMERIC,

    /** No cell is a number; each distinct text is a category. */
    CATEGORICAL

}
