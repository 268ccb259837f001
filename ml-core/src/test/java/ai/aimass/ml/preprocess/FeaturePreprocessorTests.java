package ai.aimass.ml.preprocess;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.ColumnStatistics;
import ai.aimass.ml.tabular.ColumnType;
import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class FeaturePreprocessorTests {

    private static final String HOSPITAL_A = """
            radius_mean,city,diagnosis
            12.5,Lyon,benign
            14.0,Paris,malignant
            9.75,Lyon,benign
            """;

    private static final String HOSPITAL_B = """
            radius_mean,city,diagnosis
            20.25,Nice,malignant
            11.0,Lyon,benign
            """;

    @Test
    void combineEqualsPooledComputationOnConcatenatedRows() {
        DatasetProfile a = profile(HOSPITAL_A);
        DatasetProfile b = profile(HOSPITAL_B);
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(a.schema(), List.of(a, b));
        double[] all = { 12.5, 14.0, 9.75, 20.25, 11.0 };
        double mean = Arrays.stream(all).average().orElseThrow();
        double deviation = Math.sqrt(Arrays.stream(all).map((x) -> (x - mean) * (x - mean)).sum() / all.length);
        FeatureEncoding radius = preprocessor.features().get(0);
        assertThat(radius.mean()).isCloseTo(mean, within(1e-12));
        assertThat(radius.scale()).isCloseTo(deviation, within(1e-12));
        DatasetProfile concatenated = profile(HOSPITAL_A + HOSPITAL_B.substring(HOSPITAL_B.indexOf('\n') + 1));
        assertThat(radius.mean()).isCloseTo(concatenated.column("radius_mean").mean(), within(1e-12));
        assertThat(radius.scale()).isCloseTo(concatenated.column("radius_mean").standardDeviation(), within(1e-12));
    }

    @Test
    void unitesCategoriesOfAllParticipantsSorted() {
        DatasetProfile a = profile(HOSPITAL_A);
        DatasetProfile b = profile(HOSPITAL_B);
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(a.schema(), List.of(a, b));
        assertThat(preprocessor.features().get(1).categories()).containsExactly("Lyon", "Nice", "Paris");
        assertThat(preprocessor.inputWidth()).isEqualTo(4);
    }

    @Test
    void encodesCellsAsStandardisedNumbersAndOneHotCategories() {
        FeaturePreprocessor preprocessor = new FeaturePreprocessor(
                List.of(new FeatureEncoding("x", ColumnType.NUMERIC, 10, 2, List.of()),
                        new FeatureEncoding("c", ColumnType.CATEGORICAL, 0, 1, List.of("a", "b", "c"))));
        assertThat(preprocessor.encode(List.of("13", "b"))).containsExactly(1.5, 0, 1, 0);
        assertThat(preprocessor.encodeValues(List.of(7, "c"))).containsExactly(-1.5, 0, 0, 1);
    }

    @Test
    void encodesUnseenCategoryAsAllZeros() {
        FeaturePreprocessor preprocessor = new FeaturePreprocessor(
                List.of(new FeatureEncoding("c", ColumnType.CATEGORICAL, 0, 1, List.of("a", "b"))));
        assertThat(preprocessor.encode(List.of("z"))).containsExactly(0, 0);
    }

    @Test
    void scalesConstantColumnByOne() {
        DatasetProfile profile = profile("x,y\n5,a\n5,b\n");
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(profile.schema(), List.of(profile));
        assertThat(preprocessor.features().get(0).scale()).isEqualTo(1);
        assertThat(preprocessor.encode(List.of("7"))).containsExactly(2);
    }

    @Test
    void poolsConstantColumnAsItsValueWithScaleOne() {
        DatasetProfile a = profile("x,y\n" + "0.1,a\n0.1,b\n".repeat(3) + "0.1,a\n");
        DatasetProfile b = profile("x,y\n0.1,a\n0.1,b\n0.1,b\n");
        FeatureEncoding x = FeaturePreprocessor.combine(a.schema(), List.of(a, b)).features().get(0);
        assertThat(x.mean()).isEqualTo(0.1);
        assertThat(x.scale()).isEqualTo(1);
    }

    @Test
    void poolsConstantColumnOfProfileStoredWithRoundingNoiseAsScaleOne() {
        ColumnStatistics noisy = new ColumnStatistics("x", ColumnType.NUMERIC, 7, 0.7, 0.07, 0.1, 0.1,
                0.09999999999999999, 1.3877787807814457E-17, Map.of());
        DatasetProfile profile = new DatasetProfile(
                new TabularSchema(List.of(ColumnSchema.numeric("x")), "y", List.of("a", "b")), 7,
                Map.of("a", 4L, "b", 3L), List.of(noisy));
        FeatureEncoding x = FeaturePreprocessor.combine(profile.schema(), List.of(profile)).features().get(0);
        assertThat(x.mean()).isEqualTo(0.1);
        assertThat(x.scale()).isEqualTo(1);
    }

    @Test
    void poolsDeviationThatIsSmallBesideTheMeanWithoutCancellation() {
        DatasetProfile a = profile("x,y\n100000000,a\n100000001,b\n");
        DatasetProfile b = profile("x,y\n100000000,a\n100000001,b\n");
        FeatureEncoding x = FeaturePreprocessor.combine(a.schema(), List.of(a, b)).features().get(0);
        assertThat(x.mean()).isEqualTo(100000000.5);
        assertThat(x.scale()).isEqualTo(0.5);
    }

    @Test
    void rejectsValueBeyondFloat32RangeAfterScaling() {
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encodeValues(List.of(1e300, "a")))
            .withMessage("feature \"radius_mean\": expected a finite number within the float32 range (about ±3.4e38 "
                    + "after scaling), found a number (1.0E300)")
            .extracting(InvalidFeatureException::feature)
            .isEqualTo("radius_mean");
        FeaturePreprocessor narrow = new FeaturePreprocessor(
                List.of(new FeatureEncoding("x", ColumnType.NUMERIC, 0, 1e-3, List.of())));
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> narrow.encodeNumbers(new double[] { 1e36 }))
            .withMessage("feature \"x\": expected a finite number within the float32 range (about ±3.4e38 after "
                    + "scaling), found a number (1.0E36)");
        assertThat(narrow.encodeNumbers(new double[] { 1e35 })[0]).isCloseTo(1e38, within(1e25));
    }

    @Test
    void rejectsNumbersThatAreNotFiniteOrOverflowAsCellsAndRawValues() {
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encodeValues(List.of(new BigDecimal("1e400"), "a")))
            .withMessage("feature \"radius_mean\": expected a finite number within the float32 range (about ±3.4e38 "
                    + "after scaling), found a number (1E+400)");
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encode(List.of("-1e300", "a")))
            .withMessage("feature \"radius_mean\": expected a finite number within the float32 range (about ±3.4e38 "
                    + "after scaling), found \"-1e300\"");
        FeaturePreprocessor numeric = new FeaturePreprocessor(
                List.of(new FeatureEncoding("x", ColumnType.NUMERIC, 0, 1, List.of())));
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numeric.encodeNumbers(new double[] { Double.NaN }))
            .withMessage("feature \"x\": expected a finite number within the float32 range (about ±3.4e38 after "
                    + "scaling), found NaN");
    }

    @Test
    void rejectsStringForNumericFeature() {
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encodeValues(List.of("abc", "a")))
            .withMessage("feature \"radius_mean\": expected a number, found a string (\"abc\")")
            .extracting(InvalidFeatureException::feature)
            .isEqualTo("radius_mean");
    }

    @Test
    void rejectsNumberAndNullForCategoricalFeature() {
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encodeValues(List.of(1.0, 3)))
            .withMessage("feature \"city\": expected a string, found a number (3)");
        List<Object> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add("a");
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encodeValues(withNull))
            .withMessage("feature \"radius_mean\": expected a number, found null");
    }

    @Test
    void rejectsWrongNumberOfValues() {
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encodeValues(List.of(1.0)))
            .withMessage("expected 2 feature values in schema order (radius_mean, city), found 1");
    }

    @Test
    void rejectsNonNumericCell() {
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encode(List.of("n/a", "a")))
            .withMessage("feature \"radius_mean\": expected a number, found \"n/a\"");
    }

    @Test
    void namesRowOfBatchThatFails() {
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encodeAll(List.of(List.of("1", "a"), List.of("", "a"))))
            .withMessage("feature \"radius_mean\": expected a value, found an empty cell")
            .extracting(InvalidFeatureException::rowIndex)
            .isEqualTo(1);
    }

    @Test
    void rejectsRawNumbersForSchemaWithCategoricalFeature() {
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> numericAndCategorical().encodeNumbers(new double[] { 1, 2 }))
            .withMessageStartingWith("feature \"city\": expected only numeric features for raw numeric input");
    }

    @Test
    void rejectsParticipantWhoseColumnDiffers() {
        DatasetProfile a = profile(HOSPITAL_A);
        DatasetProfile b = profile("radius_mean,town,diagnosis\n1,Lyon,benign\n2,Nice,malignant\n");
        assertThatExceptionOfType(SchemaMismatchException.class)
            .isThrownBy(() -> FeaturePreprocessor.combine(a.schema(), List.of(a, b)))
            .withMessage("participant at index 1, feature column 2: expected \"city\" (categorical) as in the job "
                    + "schema, found \"town\" (categorical)")
            .extracting(SchemaMismatchException::participantIndex)
            .isEqualTo(1);
    }

    @Test
    void rejectsParticipantWhoseColumnTypeDiffers() {
        DatasetProfile a = profile(HOSPITAL_A);
        DatasetProfile b = profile("radius_mean,city,diagnosis\n1,75001,benign\n2,69001,malignant\n");
        assertThatExceptionOfType(SchemaMismatchException.class)
            .isThrownBy(() -> FeaturePreprocessor.combine(a.schema(), List.of(a, b)))
            .withMessage("participant at index 1, feature column 2: expected \"city\" (categorical) as in the job "
                    + "schema, found \"city\" (numeric)");
    }

    @Test
    void survivesJsonRoundTrip() {
        DatasetProfile a = profile(HOSPITAL_A);
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(a.schema(), List.of(a));
        String json = MlJson.mapper().writeValueAsString(preprocessor);
        FeaturePreprocessor read = MlJson.mapper().readValue(json, FeaturePreprocessor.class);
        assertThat(read).isEqualTo(preprocessor);
        assertThat(json).doesNotContain("inputWidth");
    }

    private static FeaturePreprocessor numericAndCategorical() {
        return new FeaturePreprocessor(List.of(new FeatureEncoding("radius_mean", ColumnType.NUMERIC, 0, 1, null),
                new FeatureEncoding("city", ColumnType.CATEGORICAL, 0, 1, List.of("a"))));
    }

    private static DatasetProfile profile(String csv) {
        CsvTable table = CsvParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1 << 20);
        return DatasetProfiler.profile(table, table.header().get(table.header().size() - 1));
    }

}
