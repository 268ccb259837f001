package ai.aimass.inference.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ai.aimass.data.user.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Verifies user tokens, the RS256 JWTs that platform-api issues at login, against
 * platform-api's published keys.
 * <p>
 * Beyond the signature, the issuer and the expiry (which the decoder checks, and which
 * must be present), a token must carry the claims that platform-api always writes: a
 * {@code role}, and for a tenant role the {@code tenant} id as a UUID, which becomes the
 * principal's tenant. A user of a tenant may predict with that tenant's models whatever
 * the role; a platform admin's token has no tenant and so no model to predict with. A
 * token that lacks a claim or whose claims contradict each other is refused as invalid.
 */
class UserTokenAuthenticator {

    private static final String ROLE_CLAIM = "role";

    private static final String TENANT_CLAIM = "tenant";

    private static final Logger logger = LoggerFactory.getLogger(UserTokenAuthenticator.class);

    private static final List<String> TENANT_ROLES = Arrays.stream(Role.values())
        .filter((role) -> role != Role.PLATFORM_ADMIN)
        .map(Role::name)
        .toList();

    private final JwtDecoder decoder;

    private final String jwksUri;

    UserTokenAuthenticator(JwtDecoder decoder, String jwksUri) {
        this.decoder = decoder;
        this.jwksUri = jwksUri;
    }

    /**
     * Verifies a token.
     * @param token the compact JWT
     * @return the authenticated caller
     * @throws BadCredentialsException when the token is malformed, forged, expired, from
     * another issuer, or lacks a claim that platform-api writes
     * @throws AuthenticationServiceException when platform-api's keys cannot be fetched
     */
    InferenceAuthentication authenticate(String token) {
        Jwt jwt = decode(token);
        String role = jwt.getClaimAsString(ROLE_CLAIM);
        if (Role.PLATFORM_ADMIN.name().equals(role)) {
            requireNoTenant(jwt);
            return authenticated(jwt, null, Set.of());
        }
        if (!TENANT_ROLES.contains(role)) {
            throw invalid("claim \"" + ROLE_CLAIM + "\": expected one of " + String.join(", ", TENANT_ROLES)
                    + ", found " + ((role != null) ? "\"" + role + "\"" : "none"));
        }
        return authenticated(jwt, tenantOf(jwt), Set.of(InferencePrincipal.PREDICT_SCOPE));
    }

    private static InferenceAuthentication authenticated(Jwt jwt, UUID tenantId, Set<String> scopes) {
        return new InferenceAuthentication(
                new InferencePrincipal(InferencePrincipal.Kind.USER, jwt.getSubject(), tenantId, scopes));
    }

    private Jwt decode(String token) {
        try {
            return this.decoder.decode(token);
        }
        catch (JwtValidationException ex) {
            String reasons = ex.getErrors().stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
            throw new BadCredentialsException("user token is not valid: " + reasons, ex);
        }
        catch (BadJwtException ex) {
            throw new BadCredentialsException(
                    "user token is not valid: expected a JWT signed by platform-api, found a malformed or "
                            + "unverifiable token",
                    ex);
        }
        catch (JwtException ex) {
            logger.warn("Could not fetch platform-api's token keys from jwksUri={}; check aimass.inference.jwks-uri "
                    + "and that platform-api is up: {}", this.jwksUri, ex.getMessage());
            throw new AuthenticationServiceException(
                    "user token could not be verified now: platform-api's signing keys are unavailable", ex);
        }
    }

    private static void requireNoTenant(Jwt jwt) {
        String tenant = jwt.getClaimAsString(TENANT_CLAIM);
        if (tenant != null) {
            throw invalid("claim \"" + TENANT_CLAIM + "\": expected none for role " + Role.PLATFORM_ADMIN + ", found \""
                    + tenant + "\"");
        }
    }

    private static UUID tenantOf(Jwt jwt) {
        String tenant = jwt.getClaimAsString(TENANT_CLAIM);
        if (tenant == null) {
            throw invalid("claim \"" + TENANT_CLAIM + "\": expected the tenant id (a UUID), found none");
        }
        try {
            return UUID.fromString(tenant);
        }
        catch (IllegalArgumentException ex) {
            throw invalid("claim \"" + TENANT_CLAIM + "\": expected a UUID, found \"" + tenant + "\"");
        }
    }

    private static BadCredentialsException invalid(String reason) {
        return new BadCredentialsException("user token is not valid: " + reason);
    }

}
