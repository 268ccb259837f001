package ai.aimass.standalone.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HospitalSplitTests {

    private static final DemoClient.CsvRows DATA = DemoClient.CsvRows
        .load("data/breast-cancer-wisconsin-diagnostic.csv");

    private static final int LABEL = DATA.header().indexOf("diagnosis");

    private final HospitalSplit.Result split = HospitalSplit.split(DATA.rows(), LABEL, 0.15,
            new double[] { 0.5, 0.3, 0.2 }, new double[] { 0.25, 0.40 }, 42);

    @Test
    void holdsOutFifteenPercentOfEachClass() {
        long malignant = this.split.holdOut().stream().filter((row) -> row.get(LABEL).equals("malignant")).count();

        assertThat(DATA.rows()).hasSize(569);
        assertThat(this.split.holdOut()).hasSize(32 + 54);
        assertThat(malignant).isEqualTo(32);
    }

    @Test
    void hospitalsAreUnequalInSizeAndInMalignantShare() {
        List<Integer> sizes = this.split.hospitals().stream().map(List::size).toList();
        double shareA = this.split.minorityShare(0, LABEL);
        double shareC = this.split.minorityShare(2, LABEL);

        assertThat(this.split.minorityClass()).isEqualTo("malignant");
        assertThat(sizes).containsExactly(242, 145, 96);
        assertThat(shareA).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(shareC).isGreaterThanOrEqualTo(2 * shareA);
    }

    @Test
    void everyRowLandsInExactlyOnePlace() {
        Set<List<String>> seen = new HashSet<>(this.split.holdOut());
        int placed = this.split.holdOut().size();
        for (List<List<String>> hospital : this.split.hospitals()) {
            seen.addAll(hospital);
            placed += hospital.size();
        }

        assertThat(placed).isEqualTo(569);
        assertThat(seen).hasSize(new HashSet<>(DATA.rows()).size());
    }

    @Test
    void sameSeedGivesSameSplit() {
        HospitalSplit.Result again = HospitalSplit.split(DATA.rows(), LABEL, 0.15, new double[] { 0.5, 0.3, 0.2 },
                new double[] { 0.25, 0.40 }, 42);

        assertThat(again.holdOut()).isEqualTo(this.split.holdOut());
        assertThat(again.hospitals()).isEqualTo(this.split.hospitals());
    }

    @Test
    void refusesSharesThatCannotBeMet() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> HospitalSplit.split(DATA.rows(), LABEL, 0.15, new double[] { 0.5, 0.5 },
                    new double[] { 0.99 }, 1))
            .withMessageStartingWith("Hospital 1 cannot get 242 rows with 240 of the minority class");
    }

}
