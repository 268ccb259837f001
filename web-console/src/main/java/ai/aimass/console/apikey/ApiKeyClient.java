package ai.aimass.console.apikey;

import java.util.List;
import java.util.Map;

import ai.aimass.console.platform.ApiPage;
import ai.aimass.console.platform.PlatformClients;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The API key endpoints of platform-api.
 */
@Component
class ApiKeyClient {

    private static final ParameterizedTypeReference<ApiPage<ApiKey>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient platformApi;

    ApiKeyClient(@Qualifier(PlatformClients.PLATFORM_API) RestClient platformApi) {
        this.platformApi = platformApi;
    }

    ApiPage<ApiKey> listKeys(int page, int size) {
        return this.platformApi.get().uri("/api/v1/api-keys?page={page}&size={size}", page, size).retrieve().body(PAGE);
    }

    ApiKey createKey(String name, List<String> scopes) {
        return this.platformApi.post()
            .uri("/api/v1/api-keys")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("name", name, "scopes", scopes))
            .retrieve()
            .body(ApiKey.class);
    }

    void revokeKey(String id) {
        this.platformApi.delete().uri("/api/v1/api-keys/{id}", id).retrieve().toBodilessEntity();
    }

}
