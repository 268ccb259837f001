package ai.aimass.deployment;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 768Mi}, {@code 2Gi}, {@code 500m}) as numbers.
 */
final class Quantities {

    private static final Pattern QUANTITY = Pattern.compile("([0-9.]+)([a-zA-Z]*)");

    private static final Map<String, BigDecimal> SUFFIXES = Map.of("", BigDecimal.ONE, "m", new BigDecimal("0.001"),
            "k", BigDecimal.valueOf(1000L), "M", BigDecimal.valueOf(1000_000L), "G", BigDecimal.valueOf(1000_000_000L),
            "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20), "Gi", BigDecimal.valueOf(1L << 30),
            "Ti", BigDecimal.valueOf(1L << 40));

    private Quantities() {
    }

    static BigDecimal parse(Object quantity) {
        Matcher matcher = QUANTITY.matcher(String.valueOf(quantity));
        if (!matcher.matches() || !SUFFIXES.containsKey(matcher.group(2))) {
            throw new AssertionError("Expected a Kubernetes quantity, found \"" + quantity + "\"");
        }
        return new BigDecimal(matcher.group(1)).multiply(SUFFIXES.get(matcher.group(2)));
    }

    static long bytes(Object quantity) {
        return parse(quantity).longValueExact();
    }

}
