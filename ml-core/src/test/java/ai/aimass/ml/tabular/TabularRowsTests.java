package ai.aimass.ml.tabular;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TabularRowsTests {

    @Test
    void takesFeatureCellsInSchemaOrderAndIndexesLabelsInJobClasses() {
        CsvTable table = table("b,label,a\n1,y,2\n3,x,4\n");
        TabularSchema schema = new TabularSchema(List.of(ColumnSchema.numeric("a"), ColumnSchema.numeric("b")), "label",
                List.of("x", "y"));
        TabularRows rows = TabularRows.of(table, schema, List.of("w", "x", "y"));
        assertThat(rows.featureCells()).containsExactly(List.of("2", "1"), List.of("4", "3"));
        assertThat(rows.labelIndexes()).containsExactly(2, 1);
    }

    @Test
    void rejectsLabelOutsideJobClasses() {
        CsvTable table = table("a,label\n1,x\n2,z\n");
        TabularSchema schema = new TabularSchema(List.of(ColumnSchema.numeric("a")), "label", List.of("x", "z"));
        assertThatExceptionOfType(TabularDataException.class)
            .isThrownBy(() -> TabularRows.of(table, schema, List.of("x", "y")))
            .withMessage("row 3, column \"label\": expected one of the label classes (x, y), found \"z\"");
    }

    private static CsvTable table(String csv) {
        return CsvParser.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

}
