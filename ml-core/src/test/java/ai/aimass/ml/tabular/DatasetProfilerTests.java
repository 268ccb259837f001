package ai.aimass.ml.tabular;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ai.aimass.ml.json.MlJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class DatasetProfilerTests {

    private static final String CSV = """
            age,city,diagnosis
            30,Lyon,benign
            40,Paris,malignant
            50,Lyon,benign
            60,Nice,benign
            """;

    @Test
    void computesStatisticsOfNumericColumn() {
        ColumnStatistics age = DatasetProfiler.profile(table(CSV), "diagnosis").column("age");
        assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(age.count()).isEqualTo(4);
        assertThat(age.sum()).isEqualTo(180);
        assertThat(age.sumOfSquares()).isEqualTo(900 + 1600 + 2500 + 3600);
        assertThat(age.min()).isEqualTo(30);
        assertThat(age.max()).isEqualTo(60);
        assertThat(age.mean()).isEqualTo(45);
        // population deviation: sqrt((225 + 25 + 25 + 225) / 4) = sqrt(125)
        assertThat(age.standardDeviation()).isCloseTo(11.180339887498949, within(1e-12));
        assertThat(age.categoryCounts()).isEmpty();
    }

    @Test
    void infersCategoricalColumnWithSortedCategoriesAndZeroNumbers() {
        DatasetProfile profile = DatasetProfiler.profile(table(CSV), "diagnosis");
        ColumnStatistics city = profile.column("city");
        assertThat(city.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(city.count()).isEqualTo(4);
        assertThat(city.categoryCounts()).containsExactly(Map.entry("Lyon", 2L), Map.entry("Nice", 1L),
                Map.entry("Paris", 1L));
        assertThat(
                List.of(city.sum(), city.sumOfSquares(), city.min(), city.max(), city.mean(), city.standardDeviation()))
            .containsOnly(0.0);
        assertThat(profile.schema().column("city").categories()).containsExactly("Lyon", "Nice", "Paris");
    }

    @Test
    void infersSchemaAndClassCounts() {
        DatasetProfile profile = DatasetProfiler.profile(table(CSV), "diagnosis");
        assertThat(profile.rowCount()).isEqualTo(4);
        assertThat(profile.schema().featureNames()).containsExactly("age", "city");
        assertThat(profile.schema().labelColumn()).isEqualTo("diagnosis");
        assertThat(profile.schema().labelClasses()).containsExactly("benign", "malignant");
        assertThat(profile.classCounts()).containsExactly(Map.entry("benign", 3L), Map.entry("malignant", 1L));
    }

    @Test
    void takesLabelColumnFromAnyPosition() {
        DatasetProfile profile = DatasetProfiler.profile(table("y,a\n1,0.5\n0,1.5\n"), "y");
        assertThat(profile.schema().featureNames()).containsExactly("a");
        assertThat(profile.schema().labelClasses()).containsExactly("0", "1");
    }

    @Test
    void rejectsNonNumericCellInNumericColumn() {
        StringBuilder csv = new StringBuilder("bmi,label\n");
        for (int i = 0; i < 5; i++) {
            csv.append(20 + i).append(",a\n");
        }
        csv.append("n/a,b\n22,b\n");
        assertInvalid(csv.toString(), "label", "row 7, column \"bmi\": expected a number, found \"n/a\"");
    }

    @Test
    void rejectsNumberWithSurroundingWhitespaceInNumericColumn() {
        assertInvalid("c,label\n1,a\n 2,b\n3,a\n", "label", "row 3, column \"c\": expected a number, found \" 2\"");
        assertInvalid("c,label\n1,a\n3,a\n2 ,b\n", "label", "row 4, column \"c\": expected a number, found \"2 \"");
        assertInvalid("c,label\n1,a\n2\t,b\n", "label", "row 3, column \"c\": expected a number, found \"2\t\"");
    }

    @Test
    void keepsColumnOfPaddedNumbersCategoricalAndPaddedLabelsAsTheyAre() {
        DatasetProfile profile = DatasetProfiler.profile(table("c,label\n 1,x\n 2, x\n"), "label");
        assertThat(profile.schema().column("c").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(profile.schema().column("c").categories()).containsExactly(" 1", " 2");
        assertThat(profile.schema().labelClasses()).containsExactly(" x", "x");
    }

    @Test
    void givesConstantColumnItsValueAsMeanAndZeroDeviation() {
        ColumnStatistics x = DatasetProfiler.profile(table("x,y\n" + "0.1,a\n0.1,b\n".repeat(3) + "0.1,a\n"), "y")
            .column("x");
        assertThat(x.count()).isEqualTo(7);
        assertThat(x.sum() / 7).isNotEqualTo(0.1);
        assertThat(x.mean()).isEqualTo(0.1);
        assertThat(x.standardDeviation()).isZero();
    }

    @Test
    void rejectsNumberInMostlyTextColumn() {
        assertInvalid("city,label\nLyon,a\nNice,b\n75,a\n", "label", "row 4, column \"city\": expected text, "
                + "as in most of the column (a column with any text is categorical), found \"75\"");
    }

    @Test
    void rejectsEmptyCell() {
        assertInvalid("id,radius_mean,label\n1,2.5,a\n2, ,b\n", "label",
                "row 3, column \"radius_mean\": expected a value, found an empty cell");
    }

    @Test
    void rejectsMissingLabelColumnListingHeaderColumns() {
        assertInvalid(CSV, "outcome",
                "label column: expected one of the header's columns (age, city, diagnosis), found \"outcome\"");
    }

    @Test
    void rejectsLabelWithSingleClass() {
        assertInvalid("radius,diagnosis\n1,benign\n2,benign\n", "diagnosis",
                "label column \"diagnosis\" must have at least 2 classes, found 1 (\"benign\")");
    }

    @Test
    void rejectsTableWithOnlyTheLabelColumn() {
        assertInvalid("diagnosis\nbenign\nmalignant\n", "diagnosis",
                "expected at least 1 feature column besides the label column \"diagnosis\", found none");
    }

    @Test
    void readsNumericFeaturesInSchemaOrder() {
        CsvTable table = table("y,a,b\n1,0.5,-2\n0,1.5,1e2\n");
        DatasetProfile profile = DatasetProfiler.profile(table, "y");
        double[][] values = DatasetProfiler.numericFeatures(table, profile.schema());
        assertThat(values).isDeepEqualTo(new double[][] { { 0.5, -2 }, { 1.5, 100 } });
    }

    @Test
    void survivesJsonRoundTrip() {
        DatasetProfile profile = DatasetProfiler.profile(table(CSV), "diagnosis");
        String json = MlJson.mapper().writeValueAsString(profile);
        assertThat(MlJson.mapper().readValue(json, DatasetProfile.class)).isEqualTo(profile);
    }

    @Test
    void rejectsNumberWhoseSquareWouldOverflowTheStatistics() {
        assertInvalid("x,y\n1,a\n-2e200,b\n", "y",
                "row 3, column \"x\": expected a number of magnitude at most 1e150, found \"-2e200\"");
    }

    @Test
    void acceptsNumberOfTheLargestMagnitude() {
        ColumnStatistics x = DatasetProfiler.profile(table("x,y\n1e150,a\n-1e150,b\n"), "y").column("x");

        assertThat(x.max()).isEqualTo(1e150);
        assertThat(x.sumOfSquares()).isCloseTo(2e300, within(1e286)).isFinite();
    }

    private static CsvTable table(String csv) {
        return CsvParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    private static void assertInvalid(String csv, String labelColumn, String message) {
        assertThatExceptionOfType(TabularDataException.class)
            .isThrownBy(() -> DatasetProfiler.profile(table(csv), labelColumn))
            .withMessage(message)
            .extracting(TabularDataException::code)
            .isEqualTo("invalid_input");
    }

}
