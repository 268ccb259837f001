package ai.aimass.ml.ensemble;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StratifiedFoldsTests {

    @Test
    void dealsEachClassEvenlyOverTheFolds() {
        int[] labels = new int[30];
        for (int i = 20; i < 30; i++) {
            labels[i] = 1;
        }
        int[] folds = StratifiedFolds.assign(labels, 5, 9);
        for (int fold = 0; fold < 5; fold++) {
            int zeros = 0;
            int ones = 0;
            for (int row = 0; row < labels.length; row++) {
                if (folds[row] == fold) {
                    zeros += (labels[row] == 0) ? 1 : 0;
                    ones += labels[row];
                }
            }
            assertThat(zeros).isEqualTo(4);
            assertThat(ones).isEqualTo(2);
        }
        assertThat(StratifiedFolds.assign(labels, 5, 9)).containsExactly(folds);
    }

    @Test
    void rejectsMoreFoldsThanRowsOfAClass() {
        assertThatIllegalArgumentException().isThrownBy(() -> StratifiedFolds.assign(new int[] { 0, 0, 0, 1, 1 }, 3, 1))
            .withMessage("foldCount: expected at most 2, the rows of class 1, found 3");
    }

    @Test
    void dealingLetsAClassHaveFewerRowsThanFolds() {
        int[] labels = { 0, 0, 0, 1 };
        int[] folds = StratifiedFolds.deal(labels, 2, 4);
        // Class 0's three rows go to folds 0, 1, 0; class 1's one row then to fold 1.
        assertThat(java.util.stream.IntStream.of(folds).filter((fold) -> fold == 0).count()).isEqualTo(2);
        assertThat(folds[3]).isEqualTo(1);
        assertThat(StratifiedFolds.deal(new int[] { 1 }, 2, 4)).containsExactly(0);
    }

}
