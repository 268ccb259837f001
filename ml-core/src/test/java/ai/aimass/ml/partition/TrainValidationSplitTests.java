package ai.aimass.ml.partition;

import java.util.Arrays;
import java.util.stream.IntStream;

import ai.aimass.ml.partition.TrainValidationSplit.Split;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrainValidationSplitTests {

    private static final int[] LABELS = IntStream.range(0, 100).map((i) -> (i % 4 == 0) ? 1 : 0).toArray();

    @Test
    void givesSameSplitForSameSeed() {
        Split first = TrainValidationSplit.split(LABELS, 0.2, 7);
        Split second = TrainValidationSplit.split(LABELS, 0.2, 7);
        assertThat(second.trainRows()).containsExactly(first.trainRows());
        assertThat(second.validationRows()).containsExactly(first.validationRows());
    }

    @Test
    void countsTrainingRowsPerClassAsTheSplitKeepsThem() {
        int[] labels = { 0, 0, 0, 0, 0, 0, 0, 1, 1, 2 };
        Split split = TrainValidationSplit.split(labels, 0.3, 3);
        int[] kept = new int[3];
        Arrays.stream(split.trainRows()).forEach((row) -> kept[labels[row]]++);
        assertThat(TrainValidationSplit.trainingCounts(new int[] { 7, 2, 1 }, 0.3)).containsExactly(kept);
        assertThat(kept).containsExactly(5, 1, 1);
    }

    @Test
    void countsOneHeldRowOfTheLargestClassWhenTheFractionRoundsToNone() {
        assertThat(TrainValidationSplit.trainingCounts(new int[] { 3, 1 }, 0.1)).containsExactly(2, 1);
    }

    @Test
    void givesAnotherSplitForAnotherSeed() {
        Split first = TrainValidationSplit.split(LABELS, 0.2, 7);
        Split second = TrainValidationSplit.split(LABELS, 0.2, 8);
        assertThat(second.validationRows()).isNotEqualTo(first.validationRows());
    }

    @Test
    void holdsOutTheFractionOfEachClass() {
        Split split = TrainValidationSplit.split(LABELS, 0.2, 7);
        long heldPositives = Arrays.stream(split.validationRows()).filter((row) -> LABELS[row] == 1).count();
        long heldNegatives = Arrays.stream(split.validationRows()).filter((row) -> LABELS[row] == 0).count();
        assertThat(heldPositives).isEqualTo(5);
        assertThat(heldNegatives).isEqualTo(15);
    }

    @Test
    void usesEveryRowExactlyOnce() {
        Split split = TrainValidationSplit.split(LABELS, 0.3, 1);
        int[] all = IntStream.concat(Arrays.stream(split.trainRows()), Arrays.stream(split.validationRows()))
            .sorted()
            .toArray();
        assertThat(all).containsExactly(IntStream.range(0, LABELS.length).toArray());
        assertThat(split.trainRows()).isSorted();
        assertThat(split.validationRows()).isSorted();
    }

    @Test
    void keepsAtLeastOneTrainingRowPerClass() {
        int[] labels = { 0, 0, 0, 0, 1, 2, 2 };
        Split split = TrainValidationSplit.split(labels, 0.5, 3);
        assertThat(Arrays.stream(split.trainRows()).map((row) -> labels[row]).distinct().sorted().toArray())
            .containsExactly(0, 1, 2);
        assertThat(split.validationRows()).hasSize(2 + 0 + 1);
    }

    @Test
    void holdsOutOneRowOfTheLargestClassWhenTheFractionRoundsToNone() {
        int[] labels = IntStream.range(0, 30).map((i) -> (i % 3 == 0) ? 0 : 1).toArray();
        Split split = TrainValidationSplit.split(labels, 0.01, 3);
        assertThat(split.validationRows()).hasSize(1);
        assertThat(labels[split.validationRows()[0]]).isEqualTo(1);
        assertThat(split.trainRows()).hasSize(29);
    }

    @Test
    void holdsOutNothingWhenEveryClassHasASingleRow() {
        Split split = TrainValidationSplit.split(new int[] { 0, 1 }, 0.5, 3);
        assertThat(split.validationRows()).isEmpty();
        assertThat(split.trainRows()).containsExactly(0, 1);
    }

    @Test
    void rejectsFractionOutsideAboveZeroToOneHalf() {
        assertThatIllegalArgumentException().isThrownBy(() -> TrainValidationSplit.split(LABELS, 0, 1))
            .withMessage("validationFraction: expected a number greater than 0 and at most 0.5, found 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> TrainValidationSplit.split(LABELS, 0.6, 1))
            .withMessage("validationFraction: expected a number greater than 0 and at most 0.5, found 0.6");
        assertThatIllegalArgumentException().isThrownBy(() -> TrainValidationSplit.split(LABELS, -0.1, 1))
            .withMessage("validationFraction: expected a number greater than 0 and at most 0.5, found -0.1");
        assertThatIllegalArgumentException().isThrownBy(() -> TrainValidationSplit.split(LABELS, Double.NaN, 1))
            .withMessage("validationFraction: expected a number greater than 0 and at most 0.5, found NaN");
    }

}
