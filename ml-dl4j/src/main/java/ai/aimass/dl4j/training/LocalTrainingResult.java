package ai.aimass.dl4j.training;

/**
 * The outcome of one local training run.
 *
 * @param weights the trained flat weights, in the network's parameter order
 * @param meanLoss the mean of the mini-batch losses (cross-entropy) over all epochs
 * @param exampleCount the number of training rows, the update's weight in FedAvg
 * @param trainingNanos the wall-clock time of the training loop in nanoseconds
 */
public record LocalTrainingResult(float[] weights, double meanLoss, long exampleCount, long trainingNanos) {

}
