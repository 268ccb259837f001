package ai.aimass.api.auth;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How platform-api signs access tokens and sets up its first platform admin.
 *
 * @param signingKeyFile PEM file (PKCS#8) of the RSA key that signs tokens; created when
 * missing, kept in memory when unset
 * @param adminPassword password of the first platform admin, {@code admin}; generated
 * when empty
 * @param adminPasswordFile file that receives a generated admin password, mode 0600
 * @param tokenLifetime how long an access token stays valid
 * @param previousSigningKeyDir folder of PEM files of earlier signing keys, or unset:
 * tokens they signed stay valid until they expire, and the key set publishes them, so
 * that a rotation logs no one out
 */
@ConfigurationProperties("aimass.security")
public record PlatformSecurityProperties(Path signingKeyFile, String adminPassword, Path adminPasswordFile,
        Duration tokenLifetime, Path previousSigningKeyDir) {

    /** The lifetime of an access token when none is configured. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    public PlatformSecurityProperties {
        tokenLifetime = (tokenLifetime != null) ? tokenLifetime : DEFAULT_TOKEN_LIFETIME;
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException(
                    "aimass.security.token-lifetime: expected a positive duration, found " + tokenLifetime);
        }
    }

}
