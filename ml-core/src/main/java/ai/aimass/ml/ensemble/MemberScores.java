package ai.aimass.ml.ensemble;

import java.util.Objects;

/**
 * One part's member outputs on rows the members did not train on, with the rows' true
 * classes: what a combiner is fitted on.
 * <p>
 * Each row holds the K members' class probabilities concatenated in member order (K * C
 * numbers, see {@link EnsembleCombiner#flatten(double[][])}). The arrays are not copied.
 *
 * @param participant the part's name
 * @param outputs per row, the members' concatenated probabilities
 * @param labels the true class of each row
 */
public record MemberScores(String participant, double[][] outputs, int[] labels) {

    public MemberScores {
        Objects.requireNonNull(participant, "participant");
        if (outputs.length != labels.length) {
            throw new IllegalArgumentException(
                    "labels: expected one per row (" + outputs.length + "), found " + labels.length);
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
