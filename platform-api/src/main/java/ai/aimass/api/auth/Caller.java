package ai.aimass.api.auth;

import java.util.UUID;

import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.ErrorCode;
import ai.aimass.data.user.Role;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated user of a request, as its access token states.
 *
 * @param userId the user's id, the token's subject
 * @param tenantId the user's tenant, or null for a platform admin
 * @param role the user's role
 * @param username the user's login name
 */
public record Caller(UUID userId, UUID tenantId, Role role, String username) {

    /**
     * Reads the caller from a verified access token.
     * @param jwt the token
     * @return the caller
     */
    public static Caller of(Jwt jwt) {
        String tenant = jwt.getClaimAsString(TokenService.TENANT_CLAIM);
        return new Caller(UUID.fromString(jwt.getSubject()), (tenant != null) ? UUID.fromString(tenant) : null,
                Role.valueOf(jwt.getClaimAsString(TokenService.ROLE_CLAIM)),
                jwt.getClaimAsString(TokenService.USERNAME_CLAIM));
    }

    /**
     * Returns the tenant whose data this request may touch.
     * @return the tenant id
     * @throws ApiException with code {@code forbidden} for a caller outside every tenant
     */
    public UUID requireTenant() {
        if (this.tenantId == null) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    "role " + this.role + ": expected a user of a tenant, found one that belongs to none");
        }
        return this.tenantId;
    }

}
