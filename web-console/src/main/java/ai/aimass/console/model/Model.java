package ai.aimass.console.model;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A model as platform-api answers it.
 *
 * @param name the model name
 * @param latestVersion the highest version number
 * @param aliases each alias and the version it points at
 * @param createdAt when its first version was published
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Model(String name, int latestVersion, Map<String, Integer> aliases, Instant createdAt) {

    public Model {
        aliases = (aliases != null) ? aliases : Map.of();
    }

}
