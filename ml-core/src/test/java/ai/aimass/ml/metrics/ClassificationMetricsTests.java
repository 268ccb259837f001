package ai.aimass.ml.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ClassificationMetricsTests {

    @Test
    void computesShareOfCorrectPredictions() {
        assertThat(ClassificationMetrics.accuracy(new int[] { 0, 1, 1, 2 }, new int[] { 0, 1, 0, 2 })).isEqualTo(0.75);
    }

    @Test
    void takesFirstIndexOfLargestValue() {
        assertThat(ClassificationMetrics.argmax(new double[] { 0.2, 0.4, 0.4 })).isEqualTo(1);
        assertThat(ClassificationMetrics.argmax(new double[][] { { 0.9, 0.1 }, { 0.3, 0.7 } })).containsExactly(0, 1);
    }

    @Test
    void computesMeanNegativeLogLikelihood() {
        double loss = ClassificationMetrics.logLoss(new int[] { 0, 1 }, new double[][] { { 0.8, 0.2 }, { 0.4, 0.6 } });
        assertThat(loss).isCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, within(1e-15));
    }

    @Test
    void clipsZeroProbability() {
        double loss = ClassificationMetrics.logLoss(new int[] { 1 }, new double[][] { { 1, 0 } });
        assertThat(loss).isCloseTo(-Math.log(1e-15), within(1e-9));
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> ClassificationMetrics.accuracy(new int[] { 0, 1 }, new int[] { 0 }))
            .withMessage("expected as many predictions as true classes (2), found 1");
    }

}
