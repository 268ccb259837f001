package ai.aimass.dl4j.predict;

/**
 * The answer for one row: the most probable label and the probability of every class.
 *
 * @param label the most probable class (the first on a tie)
 * @param probabilities the probability of each class, in the manifest's label order
 */
public record Prediction(String label, double[] probabilities) {

}
