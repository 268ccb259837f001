package ai.aimass.inference.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import ai.aimass.data.apikey.ApiKeyEntity;
import ai.aimass.data.apikey.ApiKeyRepository;
import ai.aimass.inference.InferenceProperties;
import ai.aimass.inference.security.VerifiedKeyCache.VerifiedKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

/**
 * Verifies presented API keys: the key row is looked up by id, the SHA-256 of the
 * presented secret is compared with the stored one in constant time, and a revoked key
 * fails.
 * <p>
 * Unknown ids and wrong secrets get the same answer, so that the answer does not tell
 * which ids exist. Verified keys are cached for
 * {@code aimass.inference.api-key-cache-ttl}.
 */
@Component
class ApiKeyAuthenticator {

    private static final String NOT_VALID = "API key is not valid: no active key matches the presented id and secret";

    private final ApiKeyRepository apiKeys;

    private final VerifiedKeyCache cache;

    @Autowired
    ApiKeyAuthenticator(ApiKeyRepository apiKeys, InferenceProperties properties) {
        this(apiKeys,
                new VerifiedKeyCache(properties.apiKeyCacheTtl(), properties.apiKeyCacheSize(), System::nanoTime));
    }

    ApiKeyAuthenticator(ApiKeyRepository apiKeys, VerifiedKeyCache cache) {
        this.apiKeys = apiKeys;
        this.cache = cache;
    }

    /**
     * Verifies a presented key.
     * @param presented the {@code am_<id>_<secret>} value
     * @return the authenticated caller
     * @throws BadCredentialsException when the key is malformed, unknown, wrong or
     * revoked
     */
    InferenceAuthentication authenticate(String presented) {
        PresentedApiKey key = PresentedApiKey.parse(presented);
        byte[] digest = sha256(key.secret());
        VerifiedKey verified = this.cache.get(key.id());
        if (verified == null) {
            verified = verifyAgainstRow(key.id(), digest);
            this.cache.put(verified);
        }
        else if (!MessageDigest.isEqual(verified.secretSha256(), digest)) {
            throw new BadCredentialsException(NOT_VALID);
        }
        return new InferenceAuthentication(new InferencePrincipal(InferencePrincipal.Kind.API_KEY, verified.id(),
                verified.tenantId(), verified.scopes()));
    }

    private VerifiedKey verifyAgainstRow(String id, byte[] digest) {
        ApiKeyEntity row = this.apiKeys.findById(id).orElse(null);
        if (row == null || !MessageDigest.isEqual(row.getSecretSha256(), digest)) {
            throw new BadCredentialsException(NOT_VALID);
        }
        if (row.isRevoked()) {
            throw new BadCredentialsException("API key " + id + " was revoked at " + row.getRevokedAt());
        }
        return new VerifiedKey(row.getId(), row.getTenantId(), row.getSecretSha256(), row.getScopes());
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }

}
