package ai.aimass.api.web;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentTests extends ApiTestSupport {

    @Test
    void publishesTheOpenApiDocumentWithTheBearerScheme() {
        ApiClient.Response response = api().get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode bearer = response.body().get("components").get("securitySchemes").get("bearer");
        assertThat(bearer.get("type").asString()).isEqualTo("http");
        assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
        assertThat(bearer.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(response.body().get("security").get(0).has("bearer")).isTrue();
        JsonNode paths = response.body().get("paths");
        for (String path : new String[] { "/api/v1/auth/token", "/api/v1/auth/jwks", "/api/v1/tenants", "/api/v1/users",
                "/api/v1/api-keys", "/api/v1/api-keys/{id}", "/api/v1/datasets", "/api/v1/datasets/{id}",
                "/api/v1/jobs", "/api/v1/jobs/{id}", "/api/v1/jobs/{id}/rounds", "/api/v1/jobs/{id}/cancel",
                "/api/v1/models", "/api/v1/models/{name}/versions", "/api/v1/models/{name}/aliases/{alias}" }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.get("/api/v1/auth/token").get("post").get("security")).isEmpty();
        assertThat(response.text()).doesNotContain("\"caller\"");
    }

    @Test
    void servesSwaggerUi() {
        ApiClient.Response response = api().get("/swagger-ui/index.html", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("Swagger UI");
    }

    @Test
    void exposesHealthAndItsProbesButNoOtherActuatorEndpoint() {
        ApiClient.Response health = api().get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        assertThat(api().get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(api().get("/actuator/env", adminToken()).status()).isEqualTo(404);
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        ApiClient.Response response = api().get("/api/v1/nothing-here", adminToken());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(response.detail()).isEqualTo("no endpoint answers /api/v1/nothing-here");
    }

    @Test
    void answersAnUnsupportedMethodWithAProblem() {
        ApiClient.Response response = api().delete("/api/v1/tenants", adminToken());
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("method: expected one of GET, POST for this path, found DELETE");
    }

    @Test
    void answersAnUnsupportedContentTypeWithAProblem() {
        ApiClient.Response response = api().send(api().request("/api/v1/tenants", adminToken())
            .header("Content-Type", "text/plain")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=x")));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).startsWith("Content-Type: expected one of");
    }

    @Test
    void refusesAYamlBodyAsAnUnsupportedContentType() {
        ApiClient.Response response = api().send(api().request("/api/v1/tenants", adminToken())
            .header("Content-Type", "application/yaml")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name: demo\nname: other\n")));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail())
            .isEqualTo("Content-Type: expected one of [application/json, application/*+json], found "
                    + "application/yaml;charset=UTF-8");
    }

    @Test
    void stillPublishesTheOpenApiDocumentAsYaml() {
        ApiClient.Response response = api().get("/v3/api-docs.yaml", adminToken());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).startsWith("openapi: ").contains("AI Mass control plane");
    }

    @Test
    void anAuthenticatedPlatformAdminMayNotReadTenantData() {
        ApiClient.Response response = api().get("/api/v1/datasets", adminToken());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(response.detail()).startsWith("role PLATFORM_ADMIN: may not GET /api/v1/datasets");
    }

}
