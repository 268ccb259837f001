package ai.aimass.ml.partition;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShufflesTests {

    @Test
    void sameSeedGivesSameOrderAndEveryValueStays() {
        int[] first = IntStream.range(0, 50).toArray();
        int[] second = IntStream.range(0, 50).toArray();

        Shuffles.shuffle(first, new Random(7));
        Shuffles.shuffle(second, new Random(7));

        assertThat(first).isEqualTo(second).isNotEqualTo(IntStream.range(0, 50).toArray());
        assertThat(Arrays.stream(first).sorted().toArray()).isEqualTo(IntStream.range(0, 50).toArray());
    }

    @Test
    void anotherSeedGivesAnotherOrder() {
        int[] first = IntStream.range(0, 50).toArray();
        int[] second = IntStream.range(0, 50).toArray();

        Shuffles.shuffle(first, new Random(7));
        Shuffles.shuffle(second, new Random(8));

        assertThat(first).isNotEqualTo(second);
    }

}
