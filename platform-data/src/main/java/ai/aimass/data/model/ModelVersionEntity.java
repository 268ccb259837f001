package ai.aimass.data.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One published, immutable version of a model and the bundle that serves it. */
@Entity
@Table(name = "model_versions")
public class ModelVersionEntity {

    @Id
    private UUID id;

    @Column(name = "model_id", nullable = false)
    private UUID modelId;

    @Column(nullable = false)
    private int version;

    @Column(name = "job_id")
    private UUID jobId;

    @Column(name = "bundle_sha256", nullable = false)
    private String bundleSha256;

    @Column(name = "input_schema_json", nullable = false)
    private String inputSchemaJson;

    @Column(name = "metrics_json", nullable = false)
    private String metricsJson;

    @Column(name = "provenance_json", nullable = false)
    private String provenanceJson;

    @Column(name = "weights_sha256", nullable = false)
    private String weightsSha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ModelVersionEntity() {
    }

    public UUID getId() {
        return this.id;
    }

    public UUID getModelId() {
        return this.modelId;
    }

    public int getVersion() {
        return this.version;
    }

    public UUID getJobId() {
        return this.jobId;
    }

    public String getBundleSha256() {
        return this.bundleSha256;
    }

    /** The ml-core {@code TabularSchema} the version expects, as JSON. */
    public String getInputSchemaJson() {
        return this.inputSchemaJson;
    }

    public String getMetricsJson() {
        return this.metricsJson;
    }

    public String getProvenanceJson() {
        return this.provenanceJson;
    }

    public String getWeightsSha256() {
        return this.weightsSha256;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

}
