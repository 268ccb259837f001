package ai.aimass.ml.preprocess;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ParticipantSchemasTests {

    @Test
    void mergesCategoriesAndLabelClassesOfAllParticipants() {
        DatasetProfile a = profile("x,city,y\n1,Lyon,a\n2,Nice,b\n");
        DatasetProfile b = profile("x,city,y\n1,Paris,b\n2,Lyon,c\n");
        TabularSchema merged = ParticipantSchemas.merge(List.of(a, b));
        assertThat(merged.column("city").categories()).containsExactly("Lyon", "Nice", "Paris");
        assertThat(merged.labelClasses()).containsExactly("a", "b", "c");
        assertThat(LabelClasses.union(List.of(a, b)).classes()).containsExactly("a", "b", "c");
    }

    @Test
    void rejectsParticipantWithAnotherLabelColumn() {
        DatasetProfile a = profile("x,y\n1,a\n2,b\n");
        DatasetProfile b = DatasetProfiler.profile(
                CsvParser.parse(new ByteArrayInputStream("y,x\na,1\nb,2\n".getBytes(StandardCharsets.UTF_8)), 100),
                "x");
        assertThatExceptionOfType(SchemaMismatchException.class)
            .isThrownBy(() -> ParticipantSchemas.merge(List.of(a, b)))
            .withMessage("participant at index 1: expected the label column \"y\" as in participant at index 0, "
                    + "found \"x\"");
    }

    @Test
    void mapsLabelsToIndexes() {
        LabelClasses classes = new LabelClasses(List.of("malignant", "benign"));
        assertThat(classes.classes()).containsExactly("benign", "malignant");
        assertThat(classes.indexesOf(List.of("malignant", "benign"))).containsExactly(1, 0);
        assertThat(classes.indexOf("other")).isEqualTo(-1);
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> classes.indexesOf(List.of("other")))
            .withMessage("label 0: expected one of benign, malignant, found \"other\"");
    }

    private static DatasetProfile profile(String csv) {
        return DatasetProfiler
            .profile(CsvParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1 << 20), "y");
    }

}
