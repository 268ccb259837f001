package ai.aimass.ml.federated;

import java.util.List;

/**
 * Federated averaging (FedAvg) of McMahan et al. 2017, "Communication-Efficient Learning
 * of Deep Networks from Decentralized Data": the new global weights are the mean of the
 * participants' weights, each weighted by its number of training examples,
 * {@code w = sum_k (n_k / n) w_k}.
 * <p>
 * Preconditions, enforced with {@link IllegalArgumentException}: at least one update, all
 * of the same length, every example count positive. Sums are accumulated in double in
 * list order and rounded to float once at the end, so the same updates in the same order
 * always give bit-identical weights; the coordinator therefore passes updates in
 * participant order. Updates should have passed {@link UpdateValidator} first.
 */
public final class FederatedAveraging {

    private FederatedAveraging() {
    }

    /**
     * Aggregates client updates.
     * @param updates the updates, in a fixed order
     * @return the weighted mean of the weights
     */
    public static float[] aggregate(List<ClientUpdate> updates) {
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("expected at least 1 client update, found none");
        }
        int length = updates.get(0).weights().length;
        long totalExamples = 0;
        for (ClientUpdate update : updates) {
            if (update.weights().length != length) {
                throw new IllegalArgumentException("update from \"" + update.participant() + "\": expected " + length
                        + " weights as in the first update, found " + update.weights().length);
            }
            if (update.exampleCount() <= 0) {
                throw new IllegalArgumentException("update from \"" + update.participant()
                        + "\": expected a positive example count, found " + update.exampleCount());
            }
            totalExamples = Math.addExact(totalExamples, update.exampleCount());
        }
        double[] sums = new double[length];
        for (ClientUpdate update : updates) {
            double examples = update.exampleCount();
            float[] weights = update.weights();
            for (int i = 0; i < length; i++) {
                sums[i] += examples * weights[i];
            }
        }
        float[] mean = new float[length];
        for (int i = 0; i < length; i++) {
            mean[i] = (float) (sums[i] / totalExamples);
        }
        return mean;
    }

}
