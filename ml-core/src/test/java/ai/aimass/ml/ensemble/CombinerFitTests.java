package ai.aimass.ml.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.aimass.ml.metrics.ClassificationMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CombinerFitTests {

    @Test
    void weighsAnInformativeMemberAboveANoisyOne() {
        MemberScores scores = scores("all", 400, 1);
        EnsembleCombiner voting = CombinerFit.fitVoting(List.of(scores), "soft", 2, 2);
        assertThat(voting.weights()[0]).isGreaterThan(3 * voting.weights()[1]);
        assertThat(voting.weights()[1]).isGreaterThanOrEqualTo(0);
        assertThat(accuracy(voting, scores)).isGreaterThan(0.85);
    }

    @Test
    void fitsTheSameCombinerTwice() {
        MemberScores scores = scores("all", 200, 2);
        EnsembleCombiner first = CombinerFit.fitStacking(List.of(scores), 2, 2);
        EnsembleCombiner second = CombinerFit.fitStacking(List.of(scores), 2, 2);
        assertThat(second.numbers()).containsExactly(first.numbers());
    }

    @Test
    void fitsAcrossPartsNearlyAsWellAsOnPooledRows() {
        MemberScores a = scores("a", 150, 3);
        MemberScores b = scores("b", 250, 4);
        EnsembleCombiner federated = CombinerFit.fitStacking(List.of(a, b), 2, 2);
        MemberScores pooled = pool(a, b);
        EnsembleCombiner central = CombinerFit.fitStacking(List.of(pooled), 2, 2);
        assertThat(accuracy(federated, pooled)).isGreaterThan(accuracy(central, pooled) - 0.02);
    }

    /** Member 0 is right 90% of the time, member 1 is a coin. */
    private static MemberScores scores(String name, int rows, long seed) {
        Random random = new Random(seed);
        double[][] outputs = new double[rows][4];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = random.nextInt(2);
            int told = (random.nextDouble() < 0.9) ? labels[row] : 1 - labels[row];
            double confidence = 0.6 + 0.3 * random.nextDouble();
            outputs[row][told] = confidence;
            outputs[row][1 - told] = 1 - confidence;
            double coin = random.nextDouble();
            outputs[row][2] = coin;
            outputs[row][3] = 1 - coin;
        }
        return new MemberScores(name, outputs, labels);
    }

    private static MemberScores pool(MemberScores a, MemberScores b) {
        List<double[]> outputs = new ArrayList<>(List.of(a.outputs()));
        outputs.addAll(List.of(b.outputs()));
        int[] labels = new int[a.size() + b.size()];
        System.arraycopy(a.labels(), 0, labels, 0, a.size());
        System.arraycopy(b.labels(), 0, labels, a.size(), b.size());
        return new MemberScores("pooled", outputs.toArray(new double[0][]), labels);
    }

    private static double accuracy(EnsembleCombiner combiner, MemberScores scores) {
        int[] predicted = new int[scores.size()];
        for (int row = 0; row < scores.size(); row++) {
            double[] output = scores.outputs()[row];
            double[][] members = { { output[0], output[1] }, { output[2], output[3] } };
            predicted[row] = ClassificationMetrics.argmax(combiner.combine(members));
        }
        return ClassificationMetrics.accuracy(scores.labels(), predicted);
    }

}
