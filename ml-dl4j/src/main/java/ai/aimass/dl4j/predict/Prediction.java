package ai.aimass.dl4j.predict;

import java.util.List;

/**
 * The answer for one row: the most probable label, the probability of every class and,
 * when asked for, how each member of an ensemble voted.
 *
 * @param label the most probable class (the first on a tie)
 * @param probabilities the probability of each class, in the manifest's label order
 * @param members each member's vote in member order, or null when not asked for or when
 * the model is not an ensemble
 */
public record Prediction(String label, double[] probabilities, List<MemberVote> members) {

    /**
     * Creates an answer without member votes.
     * @param label the most probable class
     * @param probabilities the probability of each class
     */
    public Prediction(String label, double[] probabilities) {
        this(label, probabilities, null);
    }

}
