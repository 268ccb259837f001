package ai.aimass.data.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A named model of a tenant; its versions are numbered 1, 2, ... by
 * {@link ModelRegistry}.
 */
@Entity
@Table(name = "models")
public class ModelEntity {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModelEntity() {
    }

    public UUID getId() {
        return this.id;
    }

    public UUID getTenantId() {
        return this.tenantId;
    }

    public String getName() {
        return this.name;
    }

    public int getLatestVersion() {
        return this.latestVersion;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

}
