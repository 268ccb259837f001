package ai.aimass.data.model;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes model versions and moves aliases, safely under concurrency.
 * <p>
 * Version numbers come from incrementing the model row's counter, which locks that row
 * until the transaction ends, so two jobs publishing the same model at once get two
 * different, increasing numbers (and a unique constraint backs that up). An alias moves
 * in the same transaction as the version it names.
 */
public class ModelRegistry {

    private final JdbcTemplate jdbc;

    public ModelRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the next version of a model (and the model, on its first version).
     * @param alias an alias to point at the new version, or {@code null}; it is moved
     * only when the schema matches the version it points at now, otherwise it stays and
     * the result says so
     */
    @Transactional
    public PublishedVersion publishVersion(UUID tenantId, String modelName, NewVersion version, String alias) {
        Instant now = Instant.now();
        this.jdbc.update(
                "INSERT INTO models (id, tenant_id, name, latest_version, created_at) VALUES (?, ?, ?, 0, ?) "
                        + "ON CONFLICT ON CONSTRAINT uq_models_tenant_name DO NOTHING",
                UUID.randomUUID(), tenantId, modelName, Timestamp.from(now));
        record Counter(UUID modelId, int version) {
        }
        Counter counter = this.jdbc.queryForObject(
                "UPDATE models SET latest_version = latest_version + 1 WHERE tenant_id = ? AND name = ? "
                        + "RETURNING id, latest_version",
                (rs, row) -> new Counter(rs.getObject(1, UUID.class), rs.getInt(2)), tenantId, modelName);
        UUID versionId = UUID.randomUUID();
        this.jdbc.update("INSERT INTO model_versions (id, model_id, version, job_id, bundle_sha256, input_schema_json, "
                + "metrics_json, provenance_json, weights_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                versionId, counter.modelId(), counter.version(), version.jobId(), version.bundleSha256(),
                version.inputSchemaJson(), version.metricsJson(), version.provenanceJson(), version.weightsSha256(),
                Timestamp.from(now));
        boolean aliasMoved = false;
        if (alias != null && !alias.isBlank()) {
            aliasMoved = moveAliasIfSchemaMatches(counter.modelId(), alias, versionId, version.inputSchemaJson());
        }
        return new PublishedVersion(counter.modelId(), versionId, counter.version(), aliasMoved);
    }

    /**
     * Points an alias at a version of the same model.
     * @throws SchemaMismatchException when the alias points at a version with another
     * input schema and {@code force} is false
     */
    @Transactional
    public void moveAlias(UUID modelId, String modelName, String alias, UUID versionId, boolean force) {
        VersionSchema target = versionSchema(versionId)
            .orElseThrow(() -> new IllegalArgumentException("Version " + versionId + " does not exist"));
        if (!target.modelId().equals(modelId)) {
            throw new IllegalArgumentException("Version " + versionId + " belongs to another model");
        }
        Optional<VersionSchema> current = currentAliasTarget(modelId, alias);
        if (!force && current.isPresent() && !current.get().schemaJson().equals(target.schemaJson())) {
            throw new SchemaMismatchException(modelName, alias, current.get().version(), target.version());
        }
        upsertAlias(modelId, alias, versionId);
    }

    private boolean moveAliasIfSchemaMatches(UUID modelId, String alias, UUID versionId, String schemaJson) {
        Optional<VersionSchema> current = currentAliasTarget(modelId, alias);
        if (current.isPresent() && !current.get().schemaJson().equals(schemaJson)) {
            return false;
        }
        upsertAlias(modelId, alias, versionId);
        return true;
    }

    private Optional<VersionSchema> currentAliasTarget(UUID modelId, String alias) {
        List<UUID> ids = this.jdbc.query(
                "SELECT version_id FROM model_aliases WHERE model_id = ? AND alias = ? FOR UPDATE",
                (rs, row) -> rs.getObject(1, UUID.class), modelId, alias);
        return ids.isEmpty() ? Optional.empty() : versionSchema(ids.get(0));
    }

    private Optional<VersionSchema> versionSchema(UUID versionId) {
        return this.jdbc.query("SELECT model_id, version, input_schema_json FROM model_versions WHERE id = ?",
                (rs, row) -> new VersionSchema(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)), versionId)
            .stream()
            .findFirst();
    }

    private void upsertAlias(UUID modelId, String alias, UUID versionId) {
        this.jdbc.update("INSERT INTO model_aliases (model_id, alias, version_id, updated_at) VALUES (?, ?, ?, now()) "
                + "ON CONFLICT ON CONSTRAINT pk_model_aliases DO UPDATE SET version_id = EXCLUDED.version_id, "
                + "updated_at = EXCLUDED.updated_at", modelId, alias, versionId);
    }

    private record VersionSchema(UUID modelId, int version, String schemaJson) {
    }

    /**
     * What a worker publishes: the stored bundle and the facts the registry shows about
     * it.
     */
    public record NewVersion(UUID jobId, String bundleSha256, String inputSchemaJson, String metricsJson,
            String provenanceJson, String weightsSha256) {
    }

    /** The outcome of a publication. */
    public record PublishedVersion(UUID modelId, UUID versionId, int version, boolean aliasMoved) {
    }

}
