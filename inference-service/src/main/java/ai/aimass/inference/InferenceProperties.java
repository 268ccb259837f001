package ai.aimass.inference;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the inference service.
 *
 * @param jwksUri URL of platform-api's JWK Set, used to verify user tokens; fetched on
 * the first user token, so the service starts while platform-api is still down
 * @param tokenIssuer issuer ({@code iss} claim) that user tokens must carry
 * @param cacheSize maximum number of model bundles kept loaded, least recently used first
 * out
 * @param maxRequestBytes maximum size of a prediction request body
 * @param apiKeyCacheTtl how long a verified API key is trusted before it is read again,
 * which bounds how late a revocation takes effect
 * @param apiKeyCacheSize maximum number of verified API keys kept in memory
 */
@ConfigurationProperties("aimass.inference")
public record InferenceProperties(URI jwksUri, String tokenIssuer, Integer cacheSize, DataSize maxRequestBytes,
        Duration apiKeyCacheTtl, Integer apiKeyCacheSize) {

    public InferenceProperties {
        jwksUri = (jwksUri != null) ? jwksUri : URI.create("http://localhost:8080/api/v1/auth/jwks");
        tokenIssuer = (tokenIssuer != null && !tokenIssuer.isBlank()) ? tokenIssuer : "aimass-platform-api";
        cacheSize = (cacheSize != null) ? cacheSize : 32;
        maxRequestBytes = (maxRequestBytes != null) ? maxRequestBytes : DataSize.ofMegabytes(1);
        apiKeyCacheTtl = (apiKeyCacheTtl != null) ? apiKeyCacheTtl : Duration.ofSeconds(30);
        apiKeyCacheSize = (apiKeyCacheSize != null) ? apiKeyCacheSize : 10_000;
        if (cacheSize < 1) {
            throw new IllegalArgumentException("aimass.inference.cache-size must be at least 1, found " + cacheSize);
        }
        if (maxRequestBytes.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "aimass.inference.max-request-bytes must be positive, found " + maxRequestBytes);
        }
        if (apiKeyCacheTtl.isNegative()) {
            throw new IllegalArgumentException(
                    "aimass.inference.api-key-cache-ttl must not be negative, found " + apiKeyCacheTtl);
        }
    }

}
