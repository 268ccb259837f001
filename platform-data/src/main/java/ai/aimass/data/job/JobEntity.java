package ai.aimass.data.job;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A training job and its place in the queue.
 * <p>
 * The API creates it {@code QUEUED}; the lease columns, the progress and the final state
 * are written only by {@link JobQueue}, so that a worker's view and the API's cannot
 * drift.
 */
@Entity
@Table(name = "jobs")
public class JobEntity {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String kind;

    /** {@code any}, {@code gpu} or {@code cpu}: which workers may claim the job. */
    @Column(nullable = false)
    private String accelerator = "any";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    @Column(name = "spec_json", nullable = false)
    private String specJson;

    @Column(name = "total_rounds", nullable = false)
    private int totalRounds;

    @Column(name = "completed_rounds", nullable = false)
    private int completedRounds;

    @Column(name = "checkpoint_sha256")
    private String checkpointSha256;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_expires_at")
    private Instant leaseExpiresAt;

    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;

    @Column(name = "error_message")
    private String errorMessage;

    @Column(name = "model_version_id")
    private UUID modelVersionId;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected JobEntity() {
    }

    public JobEntity(UUID id, UUID tenantId, String kind, String specJson, int totalRounds, UUID createdBy,
            Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.kind = kind;
        this.status = JobStatus.QUEUED;
        this.specJson = specJson;
        this.totalRounds = totalRounds;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return this.id;
    }

    public UUID getTenantId() {
        return this.tenantId;
    }

    public String getKind() {
        return this.kind;
    }

    public String getAccelerator() {
        return this.accelerator;
    }

    /**
     * Says which workers may claim the job, as its spec's {@code resources.accelerator}
     * asks.
     * @param accelerator {@code any}, {@code gpu} or {@code cpu}
     */
    public void setAccelerator(String accelerator) {
        this.accelerator = accelerator;
    }

    public JobStatus getStatus() {
        return this.status;
    }

    public String getSpecJson() {
        return this.specJson;
    }

    public int getTotalRounds() {
        return this.totalRounds;
    }

    public int getCompletedRounds() {
        return this.completedRounds;
    }

    public String getCheckpointSha256() {
        return this.checkpointSha256;
    }

    public boolean isCancelRequested() {
        return this.cancelRequested;
    }

    public String getLeaseOwner() {
        return this.leaseOwner;
    }

    public Instant getLeaseExpiresAt() {
        return this.leaseExpiresAt;
    }

    public int getAttemptCount() {
        return this.attemptCount;
    }

    public String getErrorMessage() {
        return this.errorMessage;
    }

    public UUID getModelVersionId() {
        return this.modelVersionId;
    }

    public UUID getCreatedBy() {
        return this.createdBy;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

    public Instant getStartedAt() {
        return this.startedAt;
    }

    public Instant getFinishedAt() {
        return this.finishedAt;
    }

}
