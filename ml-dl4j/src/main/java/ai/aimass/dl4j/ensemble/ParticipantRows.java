package ai.aimass.dl4j.ensemble;

import java.util.Objects;

/**
 * One participant's rows, split into training and validation rows. A centralised ensemble
 * has exactly one such part, its one dataset.
 * <p>
 * Code that trains or scores on a part touches that part's rows only: rows never move
 * from one part to another, so that a participant's rows are never pooled with another's.
 *
 * @param name the participant's name, or the dataset's name for a centralised ensemble
 * @param train the rows members may train on
 * @param validation the held-out rows, for metrics and for fitting a combiner
 */
public record ParticipantRows(String name, EncodedRows train, EncodedRows validation) {

    public ParticipantRows {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }

}
