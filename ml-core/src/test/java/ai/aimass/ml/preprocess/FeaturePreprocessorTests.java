package ai.aimass.ml.preprocess;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.tabular.ColumnType;
import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
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
