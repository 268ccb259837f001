package ai.aimass.worker.federated;

/**
 * A participant's score of a global model on its validation rows.
 *
 * @param validationCount the number of validation rows
 * @param accuracy the share of validation rows predicted right
 * @param loss the log loss on the validation rows
 */
public record EvaluationOutcome(int validationCount, double accuracy, double loss) {

}
