package ai.aimass.dl4j.ensemble;

/**
 * What is known about one member once it has trained, for progress and provenance.
 *
 * @param index the member's index in the ensemble
 * @param type the member type
 * @param participant the participant whose rows trained it, or null when centralised
 * @param seed the member's seed
 * @param trainingLoss the mean loss of its last epoch, or NaN for a tree
 * @param validationAccuracy its accuracy on the validation rows of its part (all parts
 * when centralised)
 * @param trainingMillis how long it trained
 */
public record MemberReport(int index, String type, String participant, long seed, double trainingLoss,
        double validationAccuracy, long trainingMillis) {

}
