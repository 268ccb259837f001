package ai.aimass.inference.security;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * The {@code tenant} claim becomes the principal's tenant. A user of a tenant may predict
 * with that tenant's models whatever the role; a platform admin's token has no tenant and
 * so no model to predict with.
 */
class UserTokenAuthenticator {

    private static final Logger logger = LoggerFactory.getLogger(UserTokenAuthenticator.class);

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
     * @throws BadCredentialsException when the token is malformed, forged, expired or
     * from another issuer
     * @throws AuthenticationServiceException when platform-api's keys cannot be fetched
     */
    InferenceAuthentication authenticate(String token) {
        Jwt jwt = decode(token);
        UUID tenantId = tenantOf(jwt);
        Set<String> scopes = (tenantId != null) ? Set.of(InferencePrincipal.PREDICT_SCOPE) : Set.of();
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

    private static UUID tenantOf(Jwt jwt) {
        String tenant = jwt.getClaimAsString("tenant");
        if (tenant == null || tenant.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(tenant);
        }
        catch (IllegalArgumentException ex) {
            throw new BadCredentialsException(
                    "user token is not valid: claim \"tenant\": expected a UUID, found \"" + tenant + "\"");
        }
    }

}
