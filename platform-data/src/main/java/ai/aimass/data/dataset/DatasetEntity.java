package ai.aimass.data.dataset;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An immutable, validated table that one tenant registered; its file lives in the
 * artifact store under {@link #getArtifactSha256()}.
 * <p>
 * The schema and the per-column statistics are kept as JSON written by ml-core, so that
 * the training coordinator can build a scaler from them without reading any row.
 */
@Entity
@Table(name = "datasets")
public class DatasetEntity {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "label_column", nullable = false)
    private String labelColumn;

    @Column(name = "artifact_sha256", nullable = false)
    private String artifactSha256;

    @Column(name = "row_count", nullable = false)
    private int rowCount;

    @Column(name = "schema_json", nullable = false)
    private String schemaJson;

    @Column(name = "statistics_json", nullable = false)
    private String statisticsJson;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DatasetEntity() {
    }

    public DatasetEntity(UUID id, UUID tenantId, String name, String labelColumn, String artifactSha256, int rowCount,
            String schemaJson, String statisticsJson, UUID createdBy, Instant createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.name = name;
        this.labelColumn = labelColumn;
        this.artifactSha256 = artifactSha256;
        this.rowCount = rowCount;
        this.schemaJson = schemaJson;
        this.statisticsJson = statisticsJson;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
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

    public String getLabelColumn() {
        return this.labelColumn;
    }

    public String getArtifactSha256() {
        return this.artifactSha256;
    }

    public int getRowCount() {
        return this.rowCount;
    }

    /**
     * The {@code DatasetProfile} of ml-core as JSON: schema, class counts and column
     * statistics.
     */
    public String getSchemaJson() {
        return this.schemaJson;
    }

    public String getStatisticsJson() {
        return this.statisticsJson;
    }

    public UUID getCreatedBy() {
        return this.createdBy;
    }

    public Instant getCreatedAt() {
        return this.createdAt;
    }

}
