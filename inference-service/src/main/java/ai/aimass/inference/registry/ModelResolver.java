package ai.aimass.inference.registry;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import ai.aimass.data.model.ModelAliasEntity;
import ai.aimass.data.model.ModelAliasRepository;
import ai.aimass.data.model.ModelEntity;
import ai.aimass.data.model.ModelRepository;
import ai.aimass.data.model.ModelVersionEntity;
import ai.aimass.data.model.ModelVersionRepository;
import ai.aimass.inference.InferenceException;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the concrete version a request names: a model by name within the caller's tenant,
 * then a version by number or by alias.
 * <p>
 * Aliases are read from the database on every request, so that an alias moved in
 * platform-api is followed at once. Without a version, the {@code production} alias is
 * used when the model has one, else the latest version. A model of another tenant is
 * answered exactly like a missing one.
 */
@Component
public class ModelResolver {

    /** The alias that a request without a version follows, when the model has it. */
    public static final String DEFAULT_ALIAS = "production";

    private static final Pattern VERSION_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    private final ModelRepository models;

    private final ModelVersionRepository versions;

    private final ModelAliasRepository aliases;

    public ModelResolver(ModelRepository models, ModelVersionRepository versions, ModelAliasRepository aliases) {
        this.models = models;
        this.versions = versions;
        this.aliases = aliases;
    }

    /**
     * Resolves a model version.
     * @param tenantId the caller's tenant
     * @param modelName the model name
     * @param versionRef a version number, an alias, or {@code null} for the default
     * @return the concrete version
     * @throws InferenceException 404 when the model, version or alias does not exist in
     * the tenant
     */
    @Transactional(readOnly = true)
    public ResolvedVersion resolve(UUID tenantId, String modelName, String versionRef) {
        ModelEntity model = findModel(tenantId, modelName);
        ModelVersionEntity version = (versionRef != null) ? findVersion(model, versionRef) : findDefault(model);
        return new ResolvedVersion(tenantId, model.getId(), model.getName(), version.getId(), version.getVersion(),
                version.getBundleSha256());
    }

    /**
     * Returns the version numbers of a model, oldest first.
     * @param resolved a version of the model
     * @return the numbers as the protocols write them
     */
    @Transactional(readOnly = true)
    public List<String> versionLabels(ResolvedVersion resolved) {
        return this.versions.findByModelId(resolved.modelId())
            .stream()
            .map(ModelVersionEntity::getVersion)
            .sorted(Comparator.naturalOrder())
            .map(String::valueOf)
            .toList();
    }

    private ModelEntity findModel(UUID tenantId, String modelName) {
        return this.models.findByTenantIdAndName(tenantId, modelName)
            .orElseThrow(() -> notFound("model \"" + modelName + "\" not found"));
    }

    private ModelVersionEntity findVersion(ModelEntity model, String versionRef) {
        if (VERSION_NUMBER.matcher(versionRef).matches()) {
            return this.versions.findByModelIdAndVersion(model.getId(), Integer.parseInt(versionRef))
                .orElseThrow(() -> notFound("model \"" + model.getName() + "\" has no version " + versionRef
                        + " (its latest is " + model.getLatestVersion() + ")"));
        }
        return this.aliases.findByModelIdAndAlias(model.getId(), versionRef)
            .map(ModelAliasEntity::getVersionId)
            .flatMap(this.versions::findById)
            .orElseThrow(() -> notFound("model \"" + model.getName() + "\" has no version or alias \"" + versionRef
                    + "\": expected a version number or an alias such as \"" + DEFAULT_ALIAS + "\""));
    }

    private ModelVersionEntity findDefault(ModelEntity model) {
        return this.aliases.findByModelIdAndAlias(model.getId(), DEFAULT_ALIAS)
            .map(ModelAliasEntity::getVersionId)
            .flatMap(this.versions::findById)
            .or(() -> this.versions.findByModelIdOrderByVersionDesc(model.getId(), PageRequest.of(0, 1))
                .stream()
                .findFirst())
            .orElseThrow(() -> notFound("model \"" + model.getName() + "\" has no published version"));
    }

    private static InferenceException notFound(String message) {
        return new InferenceException(HttpStatus.NOT_FOUND, "not_found", message);
    }

}
