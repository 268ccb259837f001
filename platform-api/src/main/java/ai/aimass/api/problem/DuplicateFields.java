package ai.aimass.api.problem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/**
 * Names the field that a JSON object holds twice, which the parser reports as a bare
 * syntax error once {@code STRICT_DUPLICATE_DETECTION} is on.
 */
final class DuplicateFields {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);

    private DuplicateFields() {
    }

    /**
     * Describes a duplicate field.
     * @param cause what Jackson threw
     * @return {@code admin.username: expected each field once, found it twice}, or null
     * when the cause is not a duplicate field
     */
    static String describe(Throwable cause) {
        if (!(cause instanceof StreamReadException ex)) {
            return null;
        }
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
        if (!duplicate.matches()) {
            return null;
        }
        JsonParser parser = ex.processor();
        String path = (parser != null) ? path(parser.streamReadContext()) : null;
        return ((path != null) ? path : duplicate.group(1)) + ": expected each field once, found it twice";
    }

    /**
     * The parser stays in the object that holds the field twice, named as its current
     * field.
     */
    private static String path(TokenStreamContext context) {
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

}
