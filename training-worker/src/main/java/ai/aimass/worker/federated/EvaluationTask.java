package ai.aimass.worker.federated;

import ai.aimass.ml.spec.ModelSpec;

/**
 * One participant's scoring of a global model on its own validation rows.
 *
 * @param data the participant's rows and how to prepare them
 * @param round the round whose aggregated model is scored
 * @param model the network architecture
 * @param weights the weights to score; not copied, so read-only
 */
public record EvaluationTask(DataAssignment data, int round, ModelSpec model, float[] weights) {

}
