package ai.aimass.dl4j.predict;

/**
 * How one member of an ensemble answered a row, so that a person sees agreement and not
 * only the combined label.
 *
 * @param index the member's index in the ensemble
 * @param type the member type: {@code mlp}, {@code logistic} or {@code tree}
 * @param participant the participant whose rows trained the member, or null for a
 * centralised ensemble
 * @param label the member's most probable class
 * @param probabilities the member's probability of each class, in label order
 * @param weight the member's weight in the combination (voting weight, AdaBoost stage
 * weight; 1 for bagging; for stacking the member has no single weight and this is 1)
 */
public record MemberVote(int index, String type, String participant, String label, double[] probabilities,
        double weight) {

}
