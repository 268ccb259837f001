package ai.aimass.api.model;

import java.time.Instant;
import java.util.Map;

/**
 * A model of the caller's tenant.
 *
 * @param name the model name, unique in the tenant
 * @param latestVersion the highest version number
 * @param aliases each alias and the version number it points at
 * @param createdAt when the first version was published
 */
record ModelView(String name, int latestVersion, Map<String, Integer> aliases, Instant createdAt) {
}
