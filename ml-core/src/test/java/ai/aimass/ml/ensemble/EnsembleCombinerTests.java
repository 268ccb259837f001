package ai.aimass.ml.ensemble;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class EnsembleCombinerTests {

    /** One confident member for class 0, two lukewarm ones for class 1. */
    private static final double[][] MEMBERS = { { 0.9, 0.1 }, { 0.4, 0.6 }, { 0.45, 0.55 } };

    @Test
    void softVotingFollowsTheConfidentMemberWhereHardVotingFollowsTheMajority() {
        double[] equal = { 1, 1, 1 };
        double[] none = { 0, 0 };
        double[] soft = EnsembleCombiner.voting("soft", equal, none).combine(MEMBERS);
        double[] hard = EnsembleCombiner.voting("hard", equal, none).combine(MEMBERS);
        // soft: (0.9 + 0.4 + 0.45) / 3 = 0.5833 for class 0; hard: one vote against two
        assertThat(soft[0]).isCloseTo(1.75 / 3, within(1e-12));
        assertThat(soft[1]).isCloseTo(1.25 / 3, within(1e-12));
        assertThat(hard[0]).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(hard[1]).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void appliesGivenWeightsAndBiasExactly() {
        EnsembleCombiner combiner = EnsembleCombiner.voting("soft", new double[] { 2, 0.5, 0 },
                new double[] { -0.1, 0.2 });
        // f = (1/3) (2 [0.9, 0.1] + 0.5 [0.4, 0.6] + 0 [0.45, 0.55]) + [-0.1, 0.2]
        double f0 = (2 * 0.9 + 0.5 * 0.4) / 3 - 0.1;
        double f1 = (2 * 0.1 + 0.5 * 0.6) / 3 + 0.2;
        assertThat(combiner.votingScores(MEMBERS, 2)).containsExactly(new double[] { f0, f1 }, within(1e-15));
        assertThat(combiner.combine(MEMBERS)).containsExactly(new double[] { f0 / (f0 + f1), f1 / (f0 + f1) },
                within(1e-15));
    }

    @Test
    void shiftsNegativeVotingScoresBeforeNormalising() {
        EnsembleCombiner combiner = EnsembleCombiner.voting("hard", new double[] { 1, 1, 1 },
                new double[] { -1, -0.5 });
        // f = [1/3 - 1, 2/3 - 0.5] = [-2/3, 1/6]; shifted by 2/3: [0, 5/6]
        assertThat(combiner.combine(MEMBERS)).containsExactly(0.0, 1.0);
    }

    @Test
    void sammeSharesTheStageWeightsOfEachPredictedClass() {
        double[] probabilities = EnsembleCombiner.samme(new double[] { 3, 1, 1 }).combine(MEMBERS);
        assertThat(probabilities).containsExactly(0.6, 0.4);
    }

    @Test
    void meanAveragesProbabilities() {
        assertThat(EnsembleCombiner.mean().combine(MEMBERS)[1]).isCloseTo(1.25 / 3, within(1e-12));
    }

    @Test
    void stackingIsSoftmaxOfLinearScores() {
        double[][] coefficients = new double[6][2];
        coefficients[1][1] = 2;
        EnsembleCombiner combiner = EnsembleCombiner.stacking(coefficients, new double[] { 0.5, 0 });
        // z = [0.5, 2 * 0.1]
        double[] probabilities = combiner.combine(MEMBERS);
        double expected0 = Math.exp(0.5) / (Math.exp(0.5) + Math.exp(0.2));
        assertThat(probabilities[0]).isCloseTo(expected0, within(1e-12));
    }

    @Test
    void listsItsNumbersInOrder() {
        EnsembleCombiner combiner = EnsembleCombiner.voting("soft", new double[] { 1, 2 }, new double[] { 3, 4 });
        assertThat(combiner.numbers()).containsExactly(1, 2, 3, 4);
        assertThat(combiner.memberWeight(1)).isEqualTo(2);
        assertThat(EnsembleCombiner.mean().memberWeight(0)).isEqualTo(1);
    }

    @Test
    void rejectsWeightsThatDoNotFit() {
        EnsembleCombiner wrongCount = EnsembleCombiner.voting("soft", new double[] { 1, 2 }, new double[] { 0, 0 });
        assertThatIllegalArgumentException().isThrownBy(() -> wrongCount.validate("combiner", 3, 2))
            .withMessage("combiner.weights: expected 3 numbers, found 2");
        EnsembleCombiner negative = EnsembleCombiner.voting("soft", new double[] { 1, -2 }, new double[] { 0, 0 });
        assertThatIllegalArgumentException().isThrownBy(() -> negative.validate("combiner", 2, 2))
            .withMessage("combiner.weights[1]: expected a finite number of at least 0, found -2.0");
        EnsembleCombiner zero = EnsembleCombiner.voting("soft", new double[] { 0, 0 }, new double[] { 0, 0 });
        assertThatIllegalArgumentException().isThrownBy(() -> zero.validate("combiner", 2, 2))
            .withMessage("combiner.weights: expected a weight above 0, found all zero");
        EnsembleCombiner shortBias = EnsembleCombiner.voting("soft", new double[] { 1, 1 }, new double[] { 0 });
        assertThatIllegalArgumentException().isThrownBy(() -> shortBias.validate("combiner", 2, 2))
            .withMessage("combiner.bias: expected 2 numbers, found 1");
    }

}
