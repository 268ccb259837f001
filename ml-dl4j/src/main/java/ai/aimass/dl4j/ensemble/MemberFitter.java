package ai.aimass.dl4j.ensemble;

import ai.aimass.dl4j.training.LocalTrainer;
import ai.aimass.dl4j.training.LocalTrainingResult;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tree.DecisionTree;

/**
 * Trains one member on some rows of one part: networks with {@link LocalTrainer}, trees
 * with {@link CartTreeTrainer}.
 */
final class MemberFitter {

    private final LocalTrainer trainer = new LocalTrainer();

    /**
     * Trains a member.
     * @param identity the member's index, participant and seed
     * @param kind the member kind
     * @param training the job's training settings (the kind's overrides are applied here)
     * @param inputs the encoded inputs the member reads
     * @param rows the part's training rows
     * @param sample the rows to train on, repeats allowed, or null for all of them
     * @param exampleWeights per row of {@code rows}, for trees; or null
     * @param classCount the number of classes
     * @return the member and its last loss (NaN for a tree)
     */
    Fit fit(Identity identity, MemberSpec kind, TrainingSpec training, int[] inputs, EncodedRows rows, int[] sample,
            double[] exampleWeights, int classCount) {
        int[] chosen = (sample != null) ? sample : allRows(rows.size());
        double[][] features = select(rows.features(), chosen, inputs);
        int[] labels = new int[chosen.length];
        double[] weights = (exampleWeights != null) ? new double[chosen.length] : null;
        for (int i = 0; i < chosen.length; i++) {
            labels[i] = rows.labels()[chosen[i]];
            if (weights != null) {
                weights[i] = exampleWeights[chosen[i]];
            }
        }
        if (!kind.trainsNetwork()) {
            DecisionTree tree = CartTreeTrainer.grow(features, labels, weights, classCount, kind.effectiveMaxDepth(),
                    kind.effectiveMinLeafSize(), identity.seed());
            return new Fit(EnsembleMember.tree(identity.index(), identity.participant(), identity.seed(), inputs, tree),
                    Double.NaN);
        }
        LocalTrainingResult result = this.trainer.train(kind.networkModel(), kind.effectiveTraining(training), null,
                features, labels, classCount, identity.seed());
        requireFinite(result);
        return new Fit(EnsembleMember.network(identity.index(), kind.type(), identity.participant(), identity.seed(),
                inputs, kind.networkModel(), result.weights(), classCount), result.meanLoss());
    }

    /**
     * A network whose training diverged holds NaN or infinite weights and would answer
     * nothing but NaN; that is a failure of the member, not a model to publish.
     */
    private static void requireFinite(LocalTrainingResult result) {
        for (float weight : result.weights()) {
            if (!Float.isFinite(weight)) {
                throw new IllegalStateException("training diverged: its weights are no longer finite numbers (NaN or "
                        + "infinity); lower the learning rate or use fewer epochs");
            }
        }
        if (!Double.isFinite(result.meanLoss())) {
            throw new IllegalStateException("training diverged: its loss is " + result.meanLoss()
                    + "; lower the learning rate or use fewer epochs");
        }
    }

    /**
     * Returns a member's accuracy on rows.
     * @param member the member
     * @param rows the rows
     * @return the accuracy, or NaN when there are no rows
     */
    static double accuracy(EnsembleMember member, EncodedRows rows) {
        if (rows.size() == 0) {
            return Double.NaN;
        }
        return ClassificationMetrics.accuracy(rows.labels(),
                ClassificationMetrics.argmax(member.predictProbabilities(rows.features())));
    }

    static int[] allRows(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static double[][] select(double[][] features, int[] rows, int[] inputs) {
        double[][] selected = new double[rows.length][inputs.length];
        for (int i = 0; i < rows.length; i++) {
            double[] source = features[rows[i]];
            for (int j = 0; j < inputs.length; j++) {
                selected[i][j] = source[inputs[j]];
            }
        }
        return selected;
    }

    /**
     * Who a member is.
     *
     * @param index its index
     * @param participant its participant, or null
     * @param seed its seed
     */
    record Identity(int index, String participant, long seed) {

    }

    /**
     * A trained member.
     *
     * @param member the member
     * @param loss the mean loss of its training, NaN for a tree
     */
    record Fit(EnsembleMember member, double loss) {

    }

}
