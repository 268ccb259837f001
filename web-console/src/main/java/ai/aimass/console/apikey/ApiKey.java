package ai.aimass.console.apikey;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An API key as platform-api lists it; the secret is in {@code key} only in the answer
 * that created it.
 *
 * @param id the key id
 * @param name what the key is for
 * @param scopes what it may do
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or null while it works
 * @param key the full key, only right after creation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKey(String id, String name, Set<String> scopes, Instant createdAt, Instant revokedAt, String key) {

    /** Whether the key still works. */
    public boolean active() {
        return this.revokedAt == null;
    }

}
