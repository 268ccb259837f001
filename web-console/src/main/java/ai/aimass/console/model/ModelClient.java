package ai.aimass.console.model;

import java.util.List;
import java.util.Map;

import ai.aimass.console.platform.ApiPage;
import ai.aimass.console.platform.PlatformClients;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The model registry endpoints of platform-api.
 */
@Component
public class ModelClient {

    private static final ParameterizedTypeReference<ApiPage<Model>> MODEL_PAGE = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<ApiPage<ModelVersion>> VERSIONS;

    static {
        // The type token is an anonymous subclass, too long for the field's own line.
        VERSIONS = new ParameterizedTypeReference<>() {
        };
    }

    private final RestClient platformApi;

    ModelClient(@Qualifier(PlatformClients.PLATFORM_API) RestClient platformApi) {
        this.platformApi = platformApi;
    }

    /**
     * Lists one page of the tenant's models, by name.
     * @param page the page number, from 0
     * @param size the page size
     * @return the page
     */
    public ApiPage<Model> listModels(int page, int size) {
        return this.platformApi.get()
            .uri("/api/v1/models?page={page}&size={size}", page, size)
            .retrieve()
            .body(MODEL_PAGE);
    }

    Model getModel(String name) {
        return this.platformApi.get().uri("/api/v1/models/{name}", name).retrieve().body(Model.class);
    }

    /** Reads every version of a model, newest first. */
    List<ModelVersion> listVersions(String name) {
        return ApiPage.readAll((page) -> this.platformApi.get()
            .uri("/api/v1/models/{name}/versions?page={page}&size={size}", name, page, ApiPage.MAX_SIZE)
            .retrieve()
            .body(VERSIONS));
    }

    void moveAlias(String name, String alias, int version, boolean force) {
        this.platformApi.put()
            .uri("/api/v1/models/{name}/aliases/{alias}", name, alias)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("version", version, "force", force))
            .retrieve()
            .body(JsonNode.class);
    }

}
