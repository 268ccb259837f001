package ai.aimass.ml.ensemble;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrossFittingTests {

    /**
     * Each fit answers with a combiner that always predicts the index of its own call, so
     * a row's prediction tells which fit predicted it; the fit records the rows it saw.
     */
    @Test
    void predictsEveryRowOnceWithACombinerThatNeverSawIt() {
        List<MemberScores> parts = List.of(randomScores("a", 11, 1), randomScores("b", 6, 2));
        List<Set<double[]>> seenByFit = new ArrayList<>();
        int[][] predicted = CrossFitting.predict(parts, 3, 5, (rows) -> {
            Set<double[]> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            rows.forEach((part) -> seen.addAll(List.of(part.outputs())));
            int call = seenByFit.size();
            seenByFit.add(seen);
            double[] bias = new double[3];
            bias[call] = 1e6;
            return EnsembleCombiner.voting(EnsembleCombiner.VOTING_SOFT, new double[] { 1, 1 }, bias);
        });
        assertThat(seenByFit).hasSize(CrossFitting.FOLDS);
        int fitted = 0;
        for (int p = 0; p < parts.size(); p++) {
            assertThat(predicted[p]).hasSize(parts.get(p).size());
            for (int row = 0; row < parts.get(p).size(); row++) {
                double[] outputs = parts.get(p).outputs()[row];
                int predictedBy = predicted[p][row];
                assertThat(seenByFit.get(predictedBy)).as("part %d row %d", p, row).doesNotContain(outputs);
                assertThat(seenByFit.get(1 - predictedBy)).as("part %d row %d", p, row).contains(outputs);
                fitted++;
            }
        }
        assertThat(seenByFit.get(0).size() + seenByFit.get(1).size()).isEqualTo(fitted);
        // The same seed deals the same halves.
        assertThat(CrossFitting.predict(parts, 3, 5, (rows) -> CombinerFit.fitStacking(rows, 2, 3)))
            .isDeepEqualTo(CrossFitting.predict(parts, 3, 5, (rows) -> CombinerFit.fitStacking(rows, 2, 3)));
    }

    @Test
    void aFittedCombinerPredictsRowsItDidNotSeeFromInformativeMembers() {
        // Member 0 is right with probability 0.9 on every row, member 1 is noise.
        Random random = new Random(3);
        int rows = 40;
        double[][] outputs = new double[rows][];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = row % 2;
            double noise = random.nextDouble();
            outputs[row] = (labels[row] == 0) ? new double[] { 0.9, 0.1, noise, 1 - noise }
                    : new double[] { 0.1, 0.9, noise, 1 - noise };
        }
        List<MemberScores> parts = List.of(new MemberScores("only", outputs, labels));
        int[][] predicted = CrossFitting.predict(parts, 2, 8,
                (fitRows) -> CombinerFit.fitVoting(fitRows, EnsembleCombiner.VOTING_SOFT, 2, 2));
        assertThat(predicted[0]).containsExactly(labels);
    }

    @Test
    void partsOfOneRowFillBothHalves() {
        List<MemberScores> parts = List.of(new MemberScores("a", new double[][] { { 0.9, 0.1 } }, new int[] { 0 }),
                new MemberScores("b", new double[][] { { 0.2, 0.8 } }, new int[] { 1 }));
        int[][] predicted = CrossFitting.predict(parts, 2, 1,
                (rows) -> CombinerFit.fitVoting(rows, EnsembleCombiner.VOTING_SOFT, 1, 2));
        assertThat(predicted).isNotNull();
        assertThat(predicted[0]).hasSize(1);
        assertThat(predicted[1]).hasSize(1);
    }

    @Test
    void answersNothingWhenAHalfLeavesNoRowToFitOn() {
        List<MemberScores> parts = List.of(new MemberScores("one", new double[][] { { 0.5, 0.5 } }, new int[] { 1 }),
                new MemberScores("none", new double[0][], new int[0]));
        assertThat(CrossFitting.predict(parts, 2, 1, (rows) -> CombinerFit.fitStacking(rows, 1, 2))).isNull();
    }

    private static MemberScores randomScores(String name, int rows, long seed) {
        Random random = new Random(seed);
        double[][] outputs = new double[rows][6];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            for (int i = 0; i < 6; i++) {
                outputs[row][i] = random.nextDouble();
            }
            labels[row] = row % 3;
        }
        return new MemberScores(name, outputs, labels);
    }

}
