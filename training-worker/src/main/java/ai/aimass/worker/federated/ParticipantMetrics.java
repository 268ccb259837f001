package ai.aimass.worker.federated;

/**
 * One participant's part of a round, as recorded in the round's
 * {@code participant_metrics_json}.
 *
 * @param participant the participant's name
 * @param exampleCount the number of rows it trained on
 * @param validationCount the number of rows it scored the global model on
 * @param loss its mean training loss
 * @param validationAccuracy the accuracy of the round's aggregated global model on its
 * validation rows
 */
public record ParticipantMetrics(String participant, long exampleCount, int validationCount, double loss,
        double validationAccuracy) {

}
