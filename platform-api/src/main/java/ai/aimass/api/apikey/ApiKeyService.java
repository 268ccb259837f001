package ai.aimass.api.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ai.aimass.api.auth.Caller;
import ai.aimass.api.problem.ApiException;
import ai.aimass.api.web.Timestamps;
import ai.aimass.data.apikey.ApiKeyEntity;
import ai.aimass.data.apikey.ApiKeyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists and revokes the API keys of devices and participants.
 * <p>
 * A key is {@code am_<id>_<secret>}: the id is 16 characters {@code [a-z0-9]}, the secret
 * 32 random bytes in unpadded base64url (43 characters). Only the SHA-256 of the secret's
 * UTF-8 bytes is stored; the full key is answered once, at creation.
 */
@Service
class ApiKeyService {

    /** The scopes a key may have. */
    static final List<String> SCOPES = List.of("predict", "participate");

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static final int ID_LENGTH = 16;

    private static final int SECRET_BYTES = 32;

    private final ApiKeyRepository keys;

    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    CreatedApiKey createKey(Caller caller, CreateApiKeyRequest request) {
        Set<String> scopes = checkScopes(request.scopes());
        String id = newId();
        String secret = newSecret();
        ApiKeyEntity key = this.keys.saveAndFlush(new ApiKeyEntity(id, caller.requireTenant(), request.name(),
                sha256(secret), scopes, caller.userId(), Timestamps.now()));
        log.info("Created API key id={} tenant={} scopes={}", id, key.getTenantId(), String.join(" ", scopes));
        return new CreatedApiKey(key.getId(), key.getName(), key.getScopes(), key.getCreatedBy(), key.getCreatedAt(),
                "am_" + id + "_" + secret);
    }

    Page<ApiKeyEntity> listKeys(Caller caller, Pageable pageable) {
        return this.keys.findByTenantId(caller.requireTenant(), pageable);
    }

    @Transactional
    void revokeKey(Caller caller, String id) {
        ApiKeyEntity key = this.keys.findByIdAndTenantId(id, caller.requireTenant())
            .orElseThrow(() -> ApiException
                .notFound("id: expected an API key of your tenant, found none with id \"" + id + "\""));
        if (!key.isRevoked()) {
            key.revoke(Timestamps.now());
            this.keys.save(key);
            log.info("Revoked API key id={} tenant={}", id, key.getTenantId());
        }
    }

    /**
     * Returns the SHA-256 of a secret, as stored.
     * @param secret the secret part of a key
     * @return the digest of its UTF-8 bytes
     */
    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }

    private static Set<String> checkScopes(List<String> requested) {
        if (requested == null) {
            return Set.of("predict");
        }
        List<String> problems = new ArrayList<>();
        if (requested.isEmpty()) {
            problems.add("scopes: expected at least one of " + String.join(", ", SCOPES) + ", found none");
        }
        for (int i = 0; i < requested.size(); i++) {
            if (!SCOPES.contains(requested.get(i))) {
                problems.add("scopes[" + i + "]: expected one of " + String.join(", ", SCOPES) + ", found "
                        + ((requested.get(i) != null) ? "\"" + requested.get(i) + "\"" : "null"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidInput(problems);
        }
        return new LinkedHashSet<>(requested);
    }

    private String newId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_ALPHABET.charAt(this.random.nextInt(ID_ALPHABET.length())));
        }
        return id.toString();
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        this.random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
