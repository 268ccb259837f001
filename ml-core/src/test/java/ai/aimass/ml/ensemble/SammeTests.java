package ai.aimass.ml.ensemble;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SammeTests {

    @Test
    void weighsAStageByItsErrorAndTheClassCount() {
        // ln((1 - 0.25) / 0.25) + ln(3 - 1)
        assertThat(Samme.stageWeight(0.25, 3)).isCloseTo(Math.log(3) + Math.log(2), within(1e-12));
        assertThat(Samme.stageWeight(0.25, 2)).isCloseTo(Math.log(3), within(1e-12));
    }

    @Test
    void callsAStageAtOrAboveOneMinusOneOverCNoBetterThanChance() {
        assertThat(Samme.isBetterThanChance(0.6, 3)).isTrue();
        assertThat(Samme.isBetterThanChance(2.0 / 3, 3)).isFalse();
        assertThat(Samme.isBetterThanChance(0.5, 2)).isFalse();
        assertThat(Samme.isBetterThanChance(0.5 - 1e-12, 2)).isFalse();
        assertThat(Samme.isBetterThanChance(0.49, 2)).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> Samme.stageWeight(0.5, 2))
            .withMessage("error: expected below 0.5 for 2 classes, found 0.5");
    }

    @Test
    void bringsThePreviousStageToChanceAfterReweighting() {
        int[] truth = { 0, 0, 0, 1 };
        int[] predicted = { 0, 0, 0, 0 };
        double[] weights = Samme.uniform(4);
        double error = Samme.weightedError(weights, truth, predicted);
        double[] next = Samme.reweight(weights, truth, predicted, Samme.stageWeight(error, 2));
        assertThat(error).isEqualTo(0.25);
        assertThat(Samme.weightedError(next, truth, predicted)).isCloseTo(0.5, within(1e-12));
        assertThat(next[0] + next[1] + next[2] + next[3]).isCloseTo(1, within(1e-12));
    }

    @Test
    void keepsAStageWithoutMistakesFinite() {
        assertThat(Samme.stageWeight(0, 2)).isCloseTo(Math.log((1 - 1e-10) / 1e-10), within(1e-9));
    }

}
