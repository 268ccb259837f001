package ai.aimass.api.auth;

import java.time.Instant;

import ai.aimass.data.user.UserEntity;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Issues the platform's access tokens: RS256 JWTs that name the user, its tenant and its
 * role, verifiable by anyone with the published key set.
 */
@Service
public class TokenService {

    /** The issuer of every token. */
    public static final String ISSUER = "aimass-platform-api";

    /** The claim with the tenant id; absent for a platform admin. */
    public static final String TENANT_CLAIM = "tenant";

    /** The claim with the role. */
    public static final String ROLE_CLAIM = "role";

    /** The claim with the login name. */
    public static final String USERNAME_CLAIM = "username";

    private final JwtEncoder encoder;

    private final RSAKey signingKey;

    private final PlatformSecurityProperties properties;

    public TokenService(JwtEncoder encoder, RSAKey signingKey, PlatformSecurityProperties properties) {
        this.encoder = encoder;
        this.signingKey = signingKey;
        this.properties = properties;
    }

    /**
     * Issues an access token for a user.
     * @param user the user whose password was checked
     * @return the token
     */
    public IssuedToken issue(UserEntity user) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(user.getId().toString())
            .issuedAt(now)
            .expiresAt(now.plus(this.properties.tokenLifetime()))
            .claim(ROLE_CLAIM, user.getRole().name())
            .claim(USERNAME_CLAIM, user.getUsername());
        if (user.getTenantId() != null) {
            claims.claim(TENANT_CLAIM, user.getTenantId().toString());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.signingKey.getKeyID()).build();
        String value = this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(value, this.properties.tokenLifetime().toSeconds());
    }

    /**
     * A signed token and how many seconds it stays valid.
     *
     * @param value the compact JWT
     * @param expiresIn its lifetime in seconds
     */
    public record IssuedToken(String value, long expiresIn) {
    }

}
