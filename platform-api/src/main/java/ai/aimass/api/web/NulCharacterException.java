package ai.aimass.api.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;

/**
 * A request string that holds a NUL character ({@code \u0000}), which PostgreSQL text
 * cannot store, so it is refused while the body is read, where its field is known.
 */
public class NulCharacterException extends DatabindException {

    private final int index;

    NulCharacterException(JsonParser parser, int index) {
        super(parser, "expected text without NUL characters, found one at index " + index);
        this.index = index;
    }

    /**
     * Returns where the first NUL character is.
     * @return its index in the string, from 0
     */
    public int index() {
        return this.index;
    }

    /**
     * Describes the refusal with the field's path, as {@code JsonReadProblems} names
     * fields:
     * {@code scopes[1]: expected text without NUL characters, found one at index 3}.
     * @param root how to name the whole document where no field is known
     * @return the message
     */
    public String describe(String root) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : getPath()) {
            if (reference.getPropertyName() != null) {
                path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return ((path.length() > 0) ? path : root) + ": " + getOriginalMessage();
    }

}
