package ai.aimass.api.user;

import java.time.Instant;
import java.util.UUID;

import ai.aimass.data.user.Role;
import ai.aimass.data.user.UserEntity;

/**
 * A user as the API shows it: never its password hash.
 *
 * @param id the user id
 * @param tenantId the tenant, or null for a platform admin
 * @param username the login name
 * @param role the role
 * @param createdAt when the user was created
 */
public record UserView(UUID id, UUID tenantId, String username, Role role, Instant createdAt) {

    public static UserView of(UserEntity user) {
        return new UserView(user.getId(), user.getTenantId(), user.getUsername(), user.getRole(), user.getCreatedAt());
    }

}
