package ai.aimass.api.apikey;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import ai.aimass.data.apikey.ApiKeyEntity;

/**
 * An API key as lists show it: never its secret.
 *
 * @param id the key id, the middle part of {@code am_<id>_<secret>}
 * @param name what the key is for
 * @param scopes what the key may do: {@code predict}, {@code participate}
 * @param createdBy the user who created it
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, or null while it works
 */
record ApiKeyView(String id, String name, Set<String> scopes, UUID createdBy, Instant createdAt, Instant revokedAt) {

    static ApiKeyView of(ApiKeyEntity key) {
        return new ApiKeyView(key.getId(), key.getName(), key.getScopes(), key.getCreatedBy(), key.getCreatedAt(),
                key.getRevokedAt());
    }

}
