package ai.aimass.console.dataset;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvProblemTests {

    @Test
    void splitsRowColumnAndProblem() {
        assertThat(CsvProblem.of("file: row 7, column \"bmi\": expected a number, found \"n/a\""))
            .isEqualTo(new CsvProblem(7, "bmi", "expected a number, found \"n/a\""));
    }

    @Test
    void namesACellByNumberWhereNoColumnIsKnown() {
        assertThat(CsvProblem.of("file: row 1, cell 3: expected a column name, found an empty cell"))
            .isEqualTo(new CsvProblem(1, "cell 3", "expected a column name, found an empty cell"));
    }

    @Test
    void keepsARowWithoutColumn() {
        assertThat(CsvProblem.of("file: row 3: expected 31 cells as in the header, found 30"))
            .isEqualTo(new CsvProblem(3, null, "expected 31 cells as in the header, found 30"));
    }

    @Test
    void keepsAMessageWithoutAPlaceWhole() {
        assertThat(CsvProblem.of(List.of("file: the file has a header but no data rows")))
            .containsExactly(new CsvProblem(null, null, "the file has a header but no data rows"));
    }

}
