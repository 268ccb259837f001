package ai.aimass.worker.federated;

import ai.aimass.ml.federated.ClientUpdate;

/**
 * What a participant's round task answers.
 *
 * @param update the participant's new weights and its number of training examples
 * @param loss the mean training loss of the local run
 * @param trainingNanos the wall time of the local training alone
 */
public record TrainingOutcome(ClientUpdate update, double loss, long trainingNanos) {

}
