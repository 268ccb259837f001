package ai.aimass.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats a number with a fixed count of decimals exactly as JavaScript's
 * {@code Number.prototype.toFixed} does: from the double's exact binary value, a tie
 * rounded away from zero.
 * <p>
 * The job page draws rows that arrive live with {@code toFixed}, and renders the same
 * rows on a reload here; with Thymeleaf's own formatting, which rounds ties to even, a
 * round of 250 ms read "0.3 s" live and "0.2 s" after a reload.
 */
public final class FixedDecimals {

    private FixedDecimals() {
    }

    /**
     * Formats a number.
     * @param value the number
     * @param digits how many decimals to show
     * @return the number with exactly that many decimals, or "–" when it is not finite
     */
    public static String of(double value, int digits) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

}
