package ai.aimass.api.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A new API key, the only answer that shows its secret.
 *
 * @param id the key id
 * @param name what the key is for
 * @param scopes what the key may do
 * @param createdBy the user who created it
 * @param createdAt when it was created
 * @param key the full key {@code am_<id>_<secret>} to send as {@code X-API-Key} or bearer
 * token; it cannot be read again
 */
record CreatedApiKey(String id, String name, Set<String> scopes, UUID createdBy, Instant createdAt, String key) {
}
