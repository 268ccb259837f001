package ai.aimass.data.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A movable name, such as {@code production}, for one version of a model. */
@Entity
@Table(name = "model_aliases")
@IdClass(ModelAliasEntity.Key.class)
public class ModelAliasEntity {

    @Id
    @Column(name = "model_id")
    private UUID modelId;

    @Id
    @Column(name = "alias")
    private String alias;

    @Column(name = "version_id", nullable = false)
    private UUID versionId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ModelAliasEntity() {
    }

    public UUID getModelId() {
        return this.modelId;
    }

    public String getAlias() {
        return this.alias;
    }

    public UUID getVersionId() {
        return this.versionId;
    }

    public Instant getUpdatedAt() {
        return this.updatedAt;
    }

    /** Composite key of an alias row. */
    public static class Key implements Serializable {

        private UUID modelId;

        private String alias;

        public Key() {
        }

        public Key(UUID modelId, String alias) {
            this.modelId = modelId;
            this.alias = alias;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(key.modelId, this.modelId)
                    && Objects.equals(key.alias, this.alias);
        }

        @Override
        public int hashCode() {
            return Objects.hash(this.modelId, this.alias);
        }

    }

}
