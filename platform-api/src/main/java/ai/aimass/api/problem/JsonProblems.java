package ai.aimass.api.problem;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Phrases why a JSON request body could not be read: which field, what was expected and
 * what was found, without Java class names.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /**
     * Describes the failure to read a request body.
     * @param cause the exception that the message converter raised, or null when the body
     * was missing
     * @return a message naming the field or the position in the text
     */
    static String describe(Throwable cause) {
        if (cause instanceof StreamReadException ex) {
            return "request body: expected well-formed JSON, found a syntax error" + position(ex.getLocation());
        }
        if (cause instanceof PropertyBindingException ex) {
            return path(ex) + ": expected only the fields " + knownFields(ex.getKnownPropertyIds())
                    + ", found an unknown field";
        }
        if (cause instanceof MismatchedInputException ex) {
            return describeMismatch(ex);
        }
        if (cause instanceof JacksonException ex) {
            return path(ex) + ": expected a value that fits the field, found one that does not";
        }
        return "request body: expected a JSON object, found none";
    }

    private static String describeMismatch(MismatchedInputException ex) {
        String original = String.valueOf(ex.getOriginalMessage());
        if (original.startsWith("No content to map")) {
            return "request body: expected a JSON object, found none";
        }
        if (original.startsWith("Missing required creator property")) {
            String field = original.replaceFirst("Missing required creator property '([^']*)'.*", "$1");
            return join(path(ex), field) + ": expected a value, found none";
        }
        String found = (ex instanceof InvalidFormatException format && format.getValue() != null)
                ? found(format.getValue()) : found(ex.getCurrentToken());
        return path(ex) + ": expected " + expected(ex.getTargetType()) + ", found " + found;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
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

    private static String found(Object value) {
        return (value instanceof String text) ? "\"" + text + "\"" : String.valueOf(value);
    }

    private static String found(JsonToken token) {
        if (token == null) {
            return "a value of another type";
        }
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            default -> "a value of another type";
        };
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return (path.length() > 0) ? path.toString() : "request body";
    }

    private static String join(String path, String field) {
        return "request body".equals(path) ? field : path + "." + field;
    }

    private static String position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String knownFields(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "of the request";
        }
        return known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

}
