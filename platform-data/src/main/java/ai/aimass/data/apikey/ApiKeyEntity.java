package ai.aimass.data.apikey;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A device or participant credential, shown once as {@code am_<id>_<secret>}.
 * <p>
 * Only the SHA-256 of the secret is stored: a fast hash is enough because the secret is
 * long and random, and it is checked on every prediction.
 */
@Entity
@Table(name = "api_keys")
public class ApiKeyEntity {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_sha256", nullable = false)
    private byte[] secretSha256;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKeyEntity() {
    }

    public ApiKeyEntity(String id, UUID tenantId, String name, byte[] secretSha256, Set<String> scopes, UUID createdBy,
            Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.secretSha256 = secretSha256.clone();
        this.scopes = String.join(" ", scopes);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public String getId() {
        return this.id;
    }

    public UUID getTenantId() {
        return this.tenantId;
    }

    public String getName() {
        return this.name;
    }

    public byte[] getSecretSha256() {
        return this.secretSha256.clone();
    }

    public Set<String> getScopes() {
        return new LinkedHashSet<>(Arrays.asList(this.scopes.split(" ")));
    }

    public UUID getCreatedBy() {
        return this.createdBy;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public Instant getRevokedAt() {
        return this.revokedAt;
    }

    public boolean isRevoked() {
        return this.revokedAt != null;
    }

    public void revoke(Instant when) {
        if (this.revokedAt == null) {
            this.revokedAt = when;
        }
    }

}
