package ai.aimass.ml.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import ai.aimass.ml.metrics.ClassificationMetrics;

/**
 * Scores a combiner that is fitted on the validation rows without letting it grade its
 * own fit: the rows of each part are dealt, stratified by class, into {@value #FOLDS}
 * halves, a combiner is refitted on the other half's rows of every part, and each row is
 * predicted by the refitted combiner that never saw it.
 * <p>
 * A combiner scored on the rows it was fitted on (voting weights fitted on the validation
 * rows, or a stacking meta-learner fitted on the participants' validation rows) looks
 * better than it is; the combiner that is published is still the one fitted on every
 * validation row, which this estimate, from combiners fitted on half as many rows,
 * slightly undersells.
 */
public final class CrossFitting {

    /** How many halves the validation rows are dealt into. */
    public static final int FOLDS = 2;

    private CrossFitting() {
    }

    /**
     * Predicts every validation row with a combiner fitted on the other fold's rows.
     * @param parts each part's member outputs on its validation rows
     * @param classCount C
     * @param seed the seed of the dealing
     * @param fit fits a combiner on parts' rows, as the published combiner was fitted
     * @return per part, per row, the predicted class; null when one half holds every row,
     * which leaves the other half nothing to fit on
     */
    public static int[][] predict(List<MemberScores> parts, int classCount, long seed,
            Function<List<MemberScores>, EnsembleCombiner> fit) {
        Random seeds = new Random(seed);
        List<int[]> foldOf = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            int[] folds = StratifiedFolds.deal(parts.get(p).labels(), FOLDS, seeds.nextLong());
            // Dealing starts at fold 0 in every part; shifting it part by part keeps
            // parts of
            // a single row from all landing in the same half.
            for (int row = 0; row < folds.length; row++) {
                folds[row] = (folds[row] + p) % FOLDS;
            }
            foldOf.add(folds);
        }
        int[][] predicted = new int[parts.size()][];
        for (int p = 0; p < parts.size(); p++) {
            predicted[p] = new int[parts.get(p).size()];
        }
        for (int fold = 0; fold < FOLDS; fold++) {
            List<MemberScores> outside = new ArrayList<>();
            int fitRows = 0;
            for (int p = 0; p < parts.size(); p++) {
                MemberScores rows = rowsOutside(parts.get(p), foldOf.get(p), fold);
                outside.add(rows);
                fitRows += rows.size();
            }
            if (fitRows == 0) {
                return null;
            }
            EnsembleCombiner combiner = fit.apply(outside);
            for (int p = 0; p < parts.size(); p++) {
                MemberScores part = parts.get(p);
                for (int row = 0; row < part.size(); row++) {
                    if (foldOf.get(p)[row] == fold) {
                        double[] probabilities = combiner.combine(perMember(part.outputs()[row], classCount));
                        predicted[p][row] = ClassificationMetrics.argmax(probabilities);
                    }
                }
            }
        }
        return predicted;
    }

    private static MemberScores rowsOutside(MemberScores part, int[] foldOf, int fold) {
        List<double[]> outputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int row = 0; row < part.size(); row++) {
            if (foldOf[row] != fold) {
                outputs.add(part.outputs()[row]);
                labels.add(part.labels()[row]);
            }
        }
        return new MemberScores(part.participant(), outputs.toArray(double[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Splits a row's K * C concatenated probabilities into K rows of C. */
    private static double[][] perMember(double[] concatenated, int classCount) {
        double[][] members = new double[concatenated.length / classCount][];
        for (int k = 0; k < members.length; k++) {
            members[k] = Arrays.copyOfRange(concatenated, k * classCount, (k + 1) * classCount);
        }
        return members;
    }

}
