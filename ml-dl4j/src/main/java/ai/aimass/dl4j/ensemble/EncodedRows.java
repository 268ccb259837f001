package ai.aimass.dl4j.ensemble;

import java.util.Objects;

/**
 * Rows already encoded by the job's feature preprocessor, with their class indexes.
 * <p>
 * The arrays are not copied; treat them as read-only.
 *
 * @param features the encoded rows, all of the preprocessor's input width
 * @param labels the class index of each row
 */
public record EncodedRows(double[][] features, int[] labels) {

    public EncodedRows {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(labels, "labels");
        if (features.length != labels.length) {
            throw new IllegalArgumentException(
                    "labels: expected one per row (" + features.length + "), found " + labels.length);
        }
    }

    /**
     * Returns the number of rows.
     * @return the row count
     */
    public int size() {
        return this.labels.length;
    }

}
