package ai.aimass.ml.ensemble;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResamplingTests {

    @Test
    void drawsTheSameBootstrapForTheSameSeed() {
        int[] first = Resampling.bootstrap(100, 0.5, new Random(3));
        assertThat(first).hasSize(50);
        assertThat(java.util.Arrays.stream(first).min().getAsInt()).isGreaterThanOrEqualTo(0);
        assertThat(java.util.Arrays.stream(first).max().getAsInt()).isLessThan(100);
        assertThat(Resampling.bootstrap(100, 0.5, new Random(3))).containsExactly(first);
    }

    @Test
    void leavesAboutAThirdOutOfBagWithAFullSample() {
        int[] sample = Resampling.bootstrap(10_000, 1, new Random(1));
        boolean[] outOfBag = Resampling.outOfBag(10_000, sample);
        int count = 0;
        for (boolean out : outOfBag) {
            count += out ? 1 : 0;
        }
        // (1 - 1/n)^n tends to 1/e = 0.368
        assertThat(count / 10_000.0).isBetween(0.355, 0.38);
    }

    @Test
    void neverDrawsARowOfWeightZero() {
        double[] weights = { 0, 0.5, 0, 0.5, 0 };
        int[] rows = Resampling.byWeight(weights, 1000, new Random(2));
        assertThat(rows).containsOnly(1, 3);
        long ones = java.util.Arrays.stream(rows).filter((row) -> row == 1).count();
        assertThat(ones).isBetween(440L, 560L);
    }

}
