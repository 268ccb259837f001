package ai.aimass.api.tenant;

import java.time.Instant;
import java.util.UUID;

import ai.aimass.api.user.UserView;

/**
 * The answer to a tenant creation: the tenant and its first admin.
 *
 * @param id the tenant id
 * @param name the unique name
 * @param displayName the name for people
 * @param createdAt when it was created
 * @param admin the first tenant admin
 */
record CreatedTenant(UUID id, String name, String displayName, Instant createdAt, UserView admin) {
}
