package ai.aimass.console.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected texts are what Node.js 20 printed for {@code value.toFixed(digits)}.
 */
class FixedDecimalsTests {

    @Test
    void anExactTieRoundsAwayFromZeroAsToFixedDoes() {
        assertThat(FixedDecimals.of(250 / 1000.0, 1)).isEqualTo("0.3");
        assertThat(FixedDecimals.of(2.5, 0)).isEqualTo("3");
        assertThat(FixedDecimals.of(-0.25, 1)).isEqualTo("-0.3");
        assertThat(FixedDecimals.of(100 * 0.9725, 1)).isEqualTo("97.3");
    }

    @Test
    void aDecimalTieRoundsByTheDoublesExactValue() {
        // 0.35 is stored as 0.3499999…, 1.35 as 1.3500000…, 1.005 as 1.00499…
        assertThat(FixedDecimals.of(0.35, 1)).isEqualTo("0.3");
        assertThat(FixedDecimals.of(1350 / 1000.0, 1)).isEqualTo("1.4");
        assertThat(FixedDecimals.of(1.005, 2)).isEqualTo("1.00");
        assertThat(FixedDecimals.of(0.14545, 4)).isEqualTo("0.1454");
    }

    @Test
    void keepsTrailingZerosAndNamesNoNumberForOneThatIsNotFinite() {
        assertThat(FixedDecimals.of(2, 4)).isEqualTo("2.0000");
        assertThat(FixedDecimals.of(0, 1)).isEqualTo("0.0");
        assertThat(FixedDecimals.of(Double.NaN, 1)).isEqualTo("–");
        assertThat(FixedDecimals.of(Double.POSITIVE_INFINITY, 1)).isEqualTo("–");
    }

}
