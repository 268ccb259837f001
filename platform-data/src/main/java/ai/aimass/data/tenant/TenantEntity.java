package ai.aimass.data.tenant;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organisation whose data, jobs, models and keys are isolated from every other. */
@Entity
@Table(name = "tenants")
public class TenantEntity {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TenantEntity() {
    }

    public TenantEntity(UUID id, String name, String displayName, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return this.id;
    }

    public String getName() {
        return this.name;
    }

    public String getDisplayName() {
        return this.displayName;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

}
