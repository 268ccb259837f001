package ai.aimass.ml.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Helpers that phrase validation problems the same way in every spec record.
 */
final class SpecProblems {

    private SpecProblems() {
    }

    static void requireIntRange(List<String> problems, String path, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            problems.add(path + ": expected an integer from " + min + " to " + max + ", found " + value);
        }
    }

    static void requireOneOf(List<String> problems, String path, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            String expected = (allowed.size() == 1) ? "\"" + allowed.get(0) + "\""
                    : "one of " + String.join(", ", allowed);
            problems.add(path + ": expected " + expected + ", found " + quoted(value));
        }
    }

    static <T> List<T> copyAllowingNulls(List<T> values) {
        return Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Writes a number as a person would: {@code 0} rather than {@code 0.0}. */
    static String number(Double value) {
        if (value != null && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf(value.longValue());
        }
        return String.valueOf(value);
    }

    static String quoted(String value) {
        return (value != null) ? "\"" + value + "\"" : "none";
    }

}
