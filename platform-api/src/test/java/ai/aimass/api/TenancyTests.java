package ai.aimass.api;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import ai.aimass.data.model.ModelRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant B, with its own valid credentials, sees nothing of tenant A: every resource of A
 * answers 404 exactly like one that does not exist, and nothing of A changes.
 */
class TenancyTests extends ApiTestSupport {

    @Autowired
    private ModelRegistry registry;

    private TestTenant tenantA;

    private String tenantB;

    private String datasetId;

    private String jobId;

    private String modelName;

    private String keyId;

    @BeforeEach
    void createTenantAResources() {
        this.tenantA = createTenant();
        this.tenantB = createUser(createTenant(), "DATA_SCIENTIST");
        ApiClient.Response dataset = api().uploadDataset(this.tenantA.adminToken(), "hospital-a", "label",
                "age,label\n30,yes\n40,no\n50,no\n".getBytes(StandardCharsets.UTF_8));
        this.datasetId = dataset.body().get("id").asString();
        ApiClient.Response job = api().post("/api/v1/jobs", this.tenantA.adminToken(), """
                {"kind":"federated","federation":{"participants":[{"name":"a","datasetId":"%s"}],"rounds":3},
                 "publish":{"modelName":"breast-cancer"}}
                """.formatted(this.datasetId));
        assertThat(job.status()).as(job.text()).isEqualTo(201);
        this.jobId = job.body().get("id").asString();
        this.modelName = uniqueName("model");
        this.registry.publishVersion(this.tenantA.id(), this.modelName,
                new ModelRegistry.NewVersion(null, "e".repeat(64), "{}", "{}", "{}", "f".repeat(64)), "production");
        this.keyId = api().post("/api/v1/api-keys", this.tenantA.adminToken(), "{\"name\":\"device\"}")
            .body()
            .get("id")
            .asString();
    }

    @Test
    void anotherTenantsDatasetIsNotFound() {
        ApiClient.Response foreign = api().get("/api/v1/datasets/" + this.datasetId, this.tenantB);
        assertNotFoundLikeUnknown(foreign, "/api/v1/datasets/", this.datasetId);
        assertThat(api().get("/api/v1/datasets", this.tenantB).body().get("totalItems").asLong()).isZero();
    }

    @Test
    void anotherTenantsJobIsNotFoundAndCannotBeCancelled() {
        assertNotFoundLikeUnknown(api().get("/api/v1/jobs/" + this.jobId, this.tenantB), "/api/v1/jobs/", this.jobId);
        assertThat(api().get("/api/v1/jobs/" + this.jobId + "/rounds", this.tenantB).status()).isEqualTo(404);
        ApiClient.Response cancel = api().post("/api/v1/jobs/" + this.jobId + "/cancel", this.tenantB, "");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(cancel.code()).isEqualTo("not_found");
        assertThat(this.jdbc.queryForObject("SELECT status FROM jobs WHERE id = ?", String.class,
                UUID.fromString(this.jobId)))
            .isEqualTo("QUEUED");
        assertThat(api().get("/api/v1/jobs", this.tenantB).body().get("totalItems").asLong()).isZero();
    }

    @Test
    void anotherTenantsModelAndVersionsAreNotFound() {
        ApiClient.Response versions = api().get("/api/v1/models/" + this.modelName + "/versions", this.tenantB);
        assertThat(versions.status()).isEqualTo(404);
        assertThat(versions.code()).isEqualTo("not_found");
        assertThat(versions.detail())
            .isEqualTo("name: expected a model of your tenant, found none named \"" + this.modelName + "\"");
        assertThat(api().get("/api/v1/models/" + this.modelName, this.tenantB).status()).isEqualTo(404);
        ApiClient.Response move = api().put("/api/v1/models/" + this.modelName + "/aliases/production", this.tenantB,
                "{\"version\":1,\"force\":true}");
        assertThat(move.status()).isEqualTo(404);
        assertThat(api().get("/api/v1/models", this.tenantB).body().get("totalItems").asLong()).isZero();
    }

    @Test
    void anotherTenantsKeyIsNotFoundAndStaysValid() {
        ApiClient.Response response = api().delete("/api/v1/api-keys/" + this.keyId, this.tenantB);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(response.detail())
            .isEqualTo("id: expected an API key of your tenant, found none with id \"" + this.keyId + "\"");
        assertThat(count("SELECT count(*) FROM api_keys WHERE id = ? AND revoked_at IS NULL", this.keyId)).isEqualTo(1);
        assertThat(api().get("/api/v1/api-keys", this.tenantB).body().get("totalItems").asLong()).isZero();
    }

    private void assertNotFoundLikeUnknown(ApiClient.Response foreign, String path, String id) {
        String unknownId = UUID.randomUUID().toString();
        ApiClient.Response unknown = api().get(path + unknownId, this.tenantB);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("not_found");
        assertThat(foreign.detail()).contains(id);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text().replace(unknownId, id)).isEqualTo(foreign.text());
    }

}
