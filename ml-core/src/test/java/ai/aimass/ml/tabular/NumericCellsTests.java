package ai.aimass.ml.tabular;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumericCellsTests {

    @Test
    void readsPlainDecimalNumbers() {
        assertThat(NumericCells.parse("12")).isEqualTo(12);
        assertThat(NumericCells.parse("-0.5")).isEqualTo(-0.5);
        assertThat(NumericCells.parse(".5")).isEqualTo(0.5);
        assertThat(NumericCells.parse("1e-3")).isEqualTo(0.001);
    }

    @Test
    void takesNumberWithLeadingOrTrailingWhitespaceForText() {
        assertThat(NumericCells.isNumber(" 2")).isFalse();
        assertThat(NumericCells.isNumber("2 ")).isFalse();
        assertThat(NumericCells.isNumber("2\t")).isFalse();
        assertThat(NumericCells.isNumber("\u00A02")).isFalse();
    }

    @Test
    void takesNonFiniteAndJavaSpecificSpellingsForText() {
        assertThat(NumericCells.isNumber("NaN")).isFalse();
        assertThat(NumericCells.isNumber("Infinity")).isFalse();
        assertThat(NumericCells.isNumber("1e999")).isFalse();
        assertThat(NumericCells.isNumber("0x1p3")).isFalse();
        assertThat(NumericCells.isNumber("1d")).isFalse();
    }

}
