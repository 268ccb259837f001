package ai.aimass.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import ai.aimass.api.auth.Caller;
import ai.aimass.api.problem.ApiException;
import ai.aimass.data.model.ModelAliasEntity;
import ai.aimass.data.model.ModelAliasRepository;
import ai.aimass.data.model.ModelEntity;
import ai.aimass.data.model.ModelRegistry;
import ai.aimass.data.model.ModelRepository;
import ai.aimass.data.model.ModelVersionEntity;
import ai.aimass.data.model.ModelVersionRepository;
import ai.aimass.ml.spec.PublishSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Reads the model registry of the caller's tenant and moves aliases through
 * {@link ModelRegistry}, which refuses a move that changes the input schema unless it is
 * forced.
 */
@Service
class ModelService {

    private static final Logger log = LoggerFactory.getLogger(ModelService.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT_TYPE = new TypeReference<>() {
    };

    private final ModelRepository models;

    private final ModelVersionRepository versions;

    private final ModelAliasRepository aliases;

    private final ModelRegistry registry;

    ModelService(ModelRepository models, ModelVersionRepository versions, ModelAliasRepository aliases,
            ModelRegistry registry) {
        this.models = models;
        this.versions = versions;
        this.aliases = aliases;
        this.registry = registry;
    }

    Page<ModelView> listModels(Caller caller, Pageable pageable) {
        return this.models.findByTenantId(caller.requireTenant(), pageable).map(this::view);
    }

    ModelView getModel(Caller caller, String name) {
        return view(find(caller, name));
    }

    Page<ModelVersionView> listVersions(Caller caller, String name, int page, int size) {
        ModelEntity model = find(caller, name);
        Map<UUID, List<String>> aliasesByVersion = aliasesByVersion(model);
        return this.versions.findByModelIdOrderByVersionDesc(model.getId(), PageRequest.of(page, size))
            .map((version) -> versionView(version, aliasesByVersion.getOrDefault(version.getId(), List.of())));
    }

    AliasView moveAlias(Caller caller, String name, String alias, MoveAliasRequest request) {
        if (!PublishSpec.isValidAlias(alias)) {
            throw ApiException.invalidInput("alias: expected lowercase letters, digits and dashes (1 to 100) with at "
                    + "least one letter, found \"" + alias + "\"");
        }
        ModelEntity model = find(caller, name);
        ModelVersionEntity version = this.versions.findByModelIdAndVersion(model.getId(), request.version())
            .orElseThrow(() -> ApiException.notFound("version: expected a version of model \"" + name + "\" (1 to "
                    + model.getLatestVersion() + "), found " + request.version()));
        boolean force = Boolean.TRUE.equals(request.force());
        this.registry.moveAlias(model.getId(), model.getName(), alias, version.getId(), force);
        log.info("Moved alias={} of model={} tenant={} to version={} force={}", alias, model.getName(),
                model.getTenantId(), version.getVersion(), force);
        return new AliasView(model.getName(), alias, version.getVersion());
    }

    private ModelEntity find(Caller caller, String name) {
        return this.models.findByTenantIdAndName(caller.requireTenant(), name)
            .orElseThrow(() -> ApiException
                .notFound("name: expected a model of your tenant, found none named \"" + name + "\""));
    }

    private ModelView view(ModelEntity model) {
        Map<UUID, Integer> numbers = this.versions.findByModelId(model.getId())
            .stream()
            .collect(Collectors.toMap(ModelVersionEntity::getId, ModelVersionEntity::getVersion));
        Map<String, Integer> aliasVersions = new TreeMap<>();
        for (ModelAliasEntity alias : this.aliases.findByModelId(model.getId())) {
            aliasVersions.put(alias.getAlias(), numbers.get(alias.getVersionId()));
        }
        return new ModelView(model.getName(), model.getLatestVersion(), aliasVersions, model.getCreatedAt());
    }

    private Map<UUID, List<String>> aliasesByVersion(ModelEntity model) {
        Map<UUID, List<String>> byVersion = new LinkedHashMap<>();
        this.aliases.findByModelId(model.getId())
            .stream()
            .sorted((a, b) -> a.getAlias().compareTo(b.getAlias()))
            .forEach((alias) -> byVersion.computeIfAbsent(alias.getVersionId(), (id) -> new ArrayList<>())
                .add(alias.getAlias()));
        return byVersion;
    }

    private static ModelVersionView versionView(ModelVersionEntity version, List<String> aliases) {
        return new ModelVersionView(version.getId(), version.getVersion(), version.getJobId(),
                object(version.getMetricsJson()), object(version.getProvenanceJson()),
                object(version.getInputSchemaJson()), version.getWeightsSha256(), List.copyOf(aliases),
                version.getCreatedAt());
    }

    private static Map<String, Object> object(String json) {
        return JSON.readValue(json, OBJECT_TYPE);
    }

}
