package ai.aimass.inference.web;

import tools.jackson.databind.JsonNode;

/** Describes JSON values in error messages, in the words a client would use. */
public final class JsonValues {

    private static final int MAX_TEXT = 40;

    private JsonValues() {
    }

    /**
     * Describes what a JSON value is, with a short excerpt of scalars.
     * @param node the value, or {@code null} when absent
     * @return for example {@code a string ("abc")} or {@code an array}
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isString()) {
            String text = node.stringValue();
            String excerpt = (text.length() > MAX_TEXT) ? text.substring(0, MAX_TEXT) + "..." : text;
            return "a string (\"" + excerpt + "\")";
        }
        if (node.isNumber()) {
            return "a number (" + node.numberValue() + ")";
        }
        if (node.isBoolean()) {
            return "a boolean (" + node.booleanValue() + ")";
        }
        if (node.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /**
     * Returns whether a value is a JSON number whose value is finite as a double.
     * @param node the value
     * @return true for a usable number
     */
    public static boolean isFiniteNumber(JsonNode node) {
        return node != null && node.isNumber() && Double.isFinite(node.doubleValue());
    }

}
