package ai.aimass.ml.spec;

import ai.aimass.ml.json.JsonReadProblems;
import ai.aimass.ml.json.MlJson;
import tools.jackson.core.JacksonException;

/**
 * Reads spec JSON and turns Jackson's failures into messages that name the field and say
 * what was expected and found, without Java class names.
 */
final class SpecJson {

    private static final String ROOT = "(root)";

    private SpecJson() {
    }

    static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidSpecException(ROOT + ": expected a JSON object, found nothing");
        }
        try {
            T value = MlJson.mapper().readValue(json, type);
            if (value == null) {
                throw new InvalidSpecException(ROOT + ": expected a JSON object, found null");
            }
            return value;
        }
        catch (JacksonException ex) {
            throw new InvalidSpecException(JsonReadProblems.describe(ex, ROOT));
        }
    }

}
