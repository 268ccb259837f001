package ai.aimass.ml.json;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Phrases why a JSON document could not be read into a type: which field (as a path such
 * as {@code federation.participants[0].datasetId}), what was expected and what was found,
 * without Java class names.
 * <p>
 * Shared by every reader of client JSON (job specs here, request bodies in the services),
 * so that the same mistake reads the same wherever it is made.
 */
public final class JsonReadProblems {

    private static final Pattern COERCED_STRING = Pattern.compile("String value \\(\"(.*?)\"\\)");

    private static final Pattern OUT_OF_RANGE_NUMBER = Pattern.compile("value \\((.*?)\\) out of range");

    private static final Pattern DUPLICATE_PROPERTY = Pattern.compile("Duplicate Object property \"(.*)\"",
            Pattern.DOTALL);

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']*)'");

    private JsonReadProblems() {
    }

    /**
     * Describes a failure to read JSON.
     * @param cause what Jackson threw, or null when there was no document at all
     * @param root how to name the whole document where no field is to blame, such as
     * {@code "request body"}
     * @return a message of the form {@code path: expected ..., found ...}
     */
    public static String describe(Throwable cause, String root) {
        String duplicate = describeDuplicate(cause);
        if (duplicate != null) {
            return duplicate;
        }
        if (cause instanceof InputCoercionException ex) {
            return path(ex, root) + ": expected " + expected(ex.getTargetType()) + ", found a number out of range"
                    + outOfRangeNumber(ex);
        }
        if (cause instanceof StreamReadException ex) {
            return path(ex, root) + ": expected well-formed JSON, found a syntax error" + position(ex.getLocation());
        }
        if (cause instanceof PropertyBindingException ex) {
            return path(ex, root) + ": expected only the fields " + knownFields(ex.getKnownPropertyIds())
                    + ", found an unknown field";
        }
        if (cause instanceof MismatchedInputException ex) {
            return describeMismatch(ex, root);
        }
        if (cause instanceof JacksonException ex) {
            return path(ex, root) + ": expected a value that fits the field, found one that does not";
        }
        return root + ": expected a JSON object, found none";
    }

    /**
     * Names the field that an object holds twice, which the parser reports as a plain
     * read error once {@code STRICT_DUPLICATE_DETECTION} is on.
     * @return {@code admin.username: expected each field once, found it twice}, or null
     * when the cause is something else
     */
    public static String describeDuplicate(Throwable cause) {
        if (!(cause instanceof StreamReadException ex)) {
            return null;
        }
        Matcher duplicate = DUPLICATE_PROPERTY.matcher(String.valueOf(ex.getOriginalMessage()));
        if (!duplicate.matches()) {
            return null;
        }
        JsonParser parser = ex.processor();
        String path = (parser != null) ? contextPath(parser.streamReadContext()) : null;
        return ((path != null) ? path : duplicate.group(1)) + ": expected each field once, found it twice";
    }

    /**
     * The parser stays in the object that holds the field twice, named as its current
     * field.
     */
    private static String contextPath(TokenStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext current = context; current != null
                && !current.inRoot(); current = current.getParent()) {
            if (current.inArray()) {
                segments.push("[" + current.getCurrentIndex() + "]");
            }
            else if (current.currentName() != null) {
                segments.push(current.currentName());
            }
            else {
                return null;
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append((path.length() > 0 && !segment.startsWith("[")) ? "." : "").append(segment);
        }
        return (path.length() > 0) ? path.toString() : null;
    }

    private static String describeMismatch(MismatchedInputException ex, String root) {
        String original = String.valueOf(ex.getOriginalMessage());
        if (original.startsWith("No content to map")) {
            return root + ": expected a JSON object, found none";
        }
        Matcher missing = MISSING_PROPERTY.matcher(original);
        if (missing.find()) {
            return pathToMissing(path(ex, root), missing.group(1), root) + ": expected a value, found none";
        }
        String found = (ex instanceof InvalidFormatException format && format.getValue() != null)
                ? describeFormatValue(format.getValue(), ex.getCurrentToken()) : found(ex.getCurrentToken(), original);
        return path(ex, root) + ": expected " + expected(ex.getTargetType()) + ", found " + found;
    }

    /**
     * Some deserializers (a UUID's) turn a number into text before they refuse it; the
     * token says what the caller wrote.
     */
    private static String describeFormatValue(Object value, JsonToken token) {
        if (value instanceof String text && token != null && token.isNumeric()) {
            return "a number (" + text + ")";
        }
        return describeValue(value);
    }

    /** Some Jackson paths already end at the missing property, others at its parent. */
    private static String pathToMissing(String path, String field, String root) {
        if (path.equals(field) || path.endsWith("." + field)) {
            return path;
        }
        return path.equals(root) ? field : path + "." + field;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == Byte.class || type == byte.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    /**
     * Names a decoded JSON value by its kind, quoting scalars: {@code a string ("abc")},
     * {@code a number (3)}, {@code an array}.
     */
    public static String describeValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "a string (\"" + text + "\")";
        }
        if (value instanceof Number) {
            return "a number (" + value + ")";
        }
        if (value instanceof Boolean) {
            return "a boolean (" + value + ")";
        }
        if (value instanceof Collection || value.getClass().isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String found(JsonToken token, String originalMessage) {
        if (token == null) {
            return "a value of another type";
        }
        if (token == JsonToken.VALUE_STRING) {
            Matcher coerced = COERCED_STRING.matcher(originalMessage);
            return coerced.find() ? describeValue(coerced.group(1)) : "a string";
        }
        return switch (token) {
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            default -> "a value of another type";
        };
    }

    /**
     * The number as Jackson quotes it
     * ({@code Numeric value (3000000000) out of range of int}).
     */
    private static String outOfRangeNumber(InputCoercionException ex) {
        Matcher number = OUT_OF_RANGE_NUMBER.matcher(String.valueOf(ex.getOriginalMessage()));
        return number.find() ? " (" + number.group(1) + ")" : "";
    }

    private static String path(JacksonException ex, String root) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return (path.length() > 0) ? path.toString() : root;
    }

    private static String position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String knownFields(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "of the document";
        }
        return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

}
