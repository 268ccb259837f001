package ai.aimass.ml.spec;

import java.util.Collection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import ai.aimass.ml.json.MlJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Reads spec JSON and turns Jackson's failures into messages that name the field and say
 * what was expected and found, without Java class names.
 */
final class SpecJson {

    private static final Pattern COERCED_STRING = Pattern.compile("String value \\(\"(.*?)\"\\)");

    private SpecJson() {
    }

    static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidSpecException("(root): expected a JSON object, found nothing");
        }
        try {
            T value = MlJson.mapper().readValue(json, type);
            if (value == null) {
                throw new InvalidSpecException("(root): expected a JSON object, found null");
            }
            return value;
        }
        catch (StreamReadException ex) {
            throw new InvalidSpecException(
                    path(ex) + ": expected well-formed JSON, found a syntax error" + position(ex.getLocation()));
        }
        catch (PropertyBindingException ex) {
            throw new InvalidSpecException(path(ex) + ": expected only the fields "
                    + knownFields(ex.getKnownPropertyIds()) + ", found an unknown field");
        }
        catch (MismatchedInputException ex) {
            throw new InvalidSpecException(describeMismatch(ex));
        }
        catch (JacksonException ex) {
            throw new InvalidSpecException(
                    path(ex) + ": expected a value that fits the field, found one that does not");
        }
    }

    private static String describeMismatch(MismatchedInputException ex) {
        String original = String.valueOf(ex.getOriginalMessage());
        if (original.startsWith("Missing required creator property")) {
            return path(ex) + ": expected a value, found none";
        }
        String expected = expected(ex.getTargetType());
        String found = (ex instanceof InvalidFormatException format && format.getValue() != null)
                ? found(format.getValue()) : found(ex.getCurrentToken(), ex.getOriginalMessage());
        return path(ex) + ": expected " + expected + ", found " + found;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another type";
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
        if (value instanceof String text) {
            return "a string (\"" + text + "\")";
        }
        if (value instanceof Number) {
            return "a number (" + value + ")";
        }
        if (value instanceof Boolean) {
            return "a boolean (" + value + ")";
        }
        return String.valueOf(value);
    }

    private static String found(JsonToken token, String originalMessage) {
        if (token == null) {
            return "a value of another type";
        }
        if (token == JsonToken.VALUE_STRING) {
            Matcher coerced = COERCED_STRING.matcher(String.valueOf(originalMessage));
            return coerced.find() ? found(coerced.group(1)) : "a string";
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
        return (path.length() > 0) ? path.toString() : "(root)";
    }

    private static String position(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String knownFields(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "of the spec";
        }
        return known.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

}
