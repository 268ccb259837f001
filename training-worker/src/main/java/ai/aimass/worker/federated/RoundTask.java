package ai.aimass.worker.federated;

import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.TrainingSpec;

/**
 * One participant's local training in one round, self-contained: whoever runs it needs
 * nothing else than this and the participant's own rows.
 *
 * @param data the participant's rows and how to prepare them
 * @param round the round, from 1
 * @param model the network architecture
 * @param training the local training settings
 * @param globalWeights the global model's weights that training starts from; not copied,
 * so read-only
 * @param trainingSeed the seed of this participant's training in this round
 */
public record RoundTask(DataAssignment data, int round, ModelSpec model, TrainingSpec training, float[] globalWeights,
        long trainingSeed) {

}
