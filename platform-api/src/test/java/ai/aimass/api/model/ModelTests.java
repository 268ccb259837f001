package ai.aimass.api.model;

import java.util.Arrays;
import java.util.List;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import ai.aimass.data.model.ModelRegistry;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.TabularSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTests extends ApiTestSupport {

    private static final String SCHEMA = schema("mean_radius", "mean_texture");

    private static final String OTHER_SCHEMA = schema("mean_radius", "mean_texture", "mean_area");

    @Autowired
    private ModelRegistry registry;

    @Test
    void listsModelsWithTheirAliases() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().get("/api/v1/models", createUser(tenant, "VIEWER"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("totalItems").asLong()).isEqualTo(1);
        JsonNode item = response.body().get("items").get(0);
        assertThat(item.get("name").asString()).isEqualTo(model);
        assertThat(item.get("latestVersion").asInt()).isEqualTo(3);
        assertThat(item.get("aliases").get("production").asInt()).isEqualTo(1);
        ApiClient.Response one = api().get("/api/v1/models/" + model, tenant.adminToken());
        assertThat(one.body()).isEqualTo(item);
    }

    @Test
    void listsVersionsNewestFirstWithMetricsProvenanceAndAliases() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().get("/api/v1/models/" + model + "/versions", tenant.adminToken());
        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.body().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("version").asInt()).isEqualTo(3);
        assertThat(items.get(2).get("version").asInt()).isEqualTo(1);
        assertThat(items.get(2).get("aliases")).hasSize(1);
        assertThat(items.get(2).get("aliases").get(0).asString()).isEqualTo("production");
        assertThat(items.get(0).get("aliases")).isEmpty();
        assertThat(items.get(2).get("metrics").get("validationAccuracy").asDouble()).isEqualTo(0.95);
        assertThat(items.get(2).get("provenance").get("seed").asLong()).isEqualTo(42);
        assertThat(items.get(0).get("inputSchema").get("features")).hasSize(3);
        assertThat(items.get(0).get("createdAt").isNull()).isFalse();
        ApiClient.Response page = api().get("/api/v1/models/" + model + "/versions?page=1&size=2", tenant.adminToken());
        assertThat(page.body().get("items")).hasSize(1);
        assertThat(page.body().get("totalItems").asLong()).isEqualTo(3);
    }

    @Test
    void movesAnAliasToAVersionWithTheSameSchema() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().put("/api/v1/models/" + model + "/aliases/production",
                createUser(tenant, "DATA_SCIENTIST"), "{\"version\":2,\"force\":false}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("version").asInt()).isEqualTo(2);
        assertThat(aliasVersion(tenant, model, "production")).isEqualTo(2);
    }

    @Test
    void refusesAMoveThatChangesTheInputSchemaUnlessForced() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response refused = api().put("/api/v1/models/" + model + "/aliases/production", tenant.adminToken(),
                "{\"version\":3,\"force\":false}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("schema_mismatch");
        assertThat(refused.detail()).isEqualTo("version: alias 'production' of model '" + model
                + "' points at version 1, whose input schema differs from version 3's; pass force=true to move it "
                + "anyway");
        assertThat(aliasVersion(tenant, model, "production")).isEqualTo(1);
        ApiClient.Response forced = api().put("/api/v1/models/" + model + "/aliases/production", tenant.adminToken(),
                "{\"version\":3,\"force\":true}");
        assertThat(forced.status()).isEqualTo(200);
        assertThat(aliasVersion(tenant, model, "production")).isEqualTo(3);
    }

    @Test
    void createsANewAliasOnAnyVersion() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().put("/api/v1/models/" + model + "/aliases/staging", tenant.adminToken(),
                "{\"version\":3}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(aliasVersion(tenant, model, "staging")).isEqualTo(3);
    }

    @Test
    void storesAnAliasOfTheLongestLengthTheRuleAllows() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        String longest = "a".repeat(100);
        ApiClient.Response response = api().put("/api/v1/models/" + model + "/aliases/" + longest, tenant.adminToken(),
                "{\"version\":2}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(aliasVersion(tenant, model, longest)).isEqualTo(2);
        ApiClient.Response tooLong = api().put("/api/v1/models/" + model + "/aliases/" + longest + "a",
                tenant.adminToken(), "{\"version\":2}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.detail()).startsWith("alias: expected lowercase letters, digits and dashes (1 to 100)");
    }

    @Test
    void anUnknownVersionIsNotFound() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().put("/api/v1/models/" + model + "/aliases/production", tenant.adminToken(),
                "{\"version\":9}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(response.detail())
            .isEqualTo("version: expected a version of model \"" + model + "\" (1 to 3), found 9");
    }

    @Test
    void refusesAnAliasThatCouldBeMistakenForAVersion() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().put("/api/v1/models/" + model + "/aliases/7", tenant.adminToken(),
                "{\"version\":2}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).startsWith("alias: expected lowercase letters, digits and dashes");
    }

    @Test
    void refusesAMoveWithoutAVersion() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().put("/api/v1/models/" + model + "/aliases/production", tenant.adminToken(),
                "{\"force\":true}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).isEqualTo("version: expected a version number, found none");
        assertThat(aliasVersion(tenant, model, "production")).isEqualTo(1);
    }

    @Test
    void refusesAVersionThatIsNotAJsonInteger() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        String path = "/api/v1/models/" + model + "/aliases/production";
        ApiClient.Response text = api().put(path, tenant.adminToken(), "{\"version\":\"2\"}");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.code()).isEqualTo("invalid_input");
        assertThat(text.detail()).isEqualTo("version: expected an integer, found a string (\"2\")");
        ApiClient.Response fraction = api().put(path, tenant.adminToken(), "{\"version\":2.5}");
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.code()).isEqualTo("invalid_input");
        assertThat(fraction.detail()).isEqualTo("version: expected an integer, found a number (2.5)");
        ApiClient.Response force = api().put(path, tenant.adminToken(), "{\"version\":2,\"force\":\"true\"}");
        assertThat(force.status()).isEqualTo(400);
        assertThat(force.code()).isEqualTo("invalid_input");
        assertThat(force.detail()).isEqualTo("force: expected a boolean, found a string (\"true\")");
        assertThat(aliasVersion(tenant, model, "production")).isEqualTo(1);
    }

    @Test
    void refusesAMoveThatNamesTheVersionTwice() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().put("/api/v1/models/" + model + "/aliases/production", tenant.adminToken(),
                "{\"version\":2,\"version\":3}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("version: expected each field once, found it twice");
        assertThat(aliasVersion(tenant, model, "production")).isEqualTo(1);
    }

    @Test
    void viewersMayNotMoveAliases() {
        TestTenant tenant = createTenant();
        String model = publishThreeVersions(tenant);
        ApiClient.Response response = api().put("/api/v1/models/" + model + "/aliases/production",
                createUser(tenant, "VIEWER"), "{\"version\":2}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(aliasVersion(tenant, model, "production")).isEqualTo(1);
    }

    @Test
    void anUnknownModelIsNotFound() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().get("/api/v1/models/no-such-model/versions", tenant.adminToken());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(response.detail())
            .isEqualTo("name: expected a model of your tenant, found none named " + "\"no-such-model\"");
    }

    /** Publishes versions 1 and 2 with one schema and 3 with another; production on 1. */
    private String publishThreeVersions(TestTenant tenant) {
        String model = uniqueName("model");
        publish(tenant, model, SCHEMA, "production");
        publish(tenant, model, SCHEMA, null);
        publish(tenant, model, OTHER_SCHEMA, null);
        return model;
    }

    private void publish(TestTenant tenant, String model, String schema, String alias) {
        this.registry.publishVersion(tenant.id(), model,
                new ModelRegistry.NewVersion(null, "c".repeat(64), schema,
                        "{\"validationAccuracy\":0.95,\"rounds\":20,\"finalLoss\":0.12}",
                        "{\"jobId\":null,\"seed\":42,\"codeVersion\":\"test\"}", "d".repeat(64)),
                alias);
    }

    private int aliasVersion(TestTenant tenant, String model, String alias) {
        Integer version = this.jdbc.queryForObject(
                "SELECT v.version FROM model_aliases a "
                        + "JOIN model_versions v ON v.id = a.version_id JOIN models m ON m.id = a.model_id "
                        + "WHERE m.tenant_id = ? AND m.name = ? AND a.alias = ?",
                Integer.class, tenant.id(), model, alias);
        return (version != null) ? version : -1;
    }

    private static String schema(String... features) {
        List<ColumnSchema> columns = Arrays.stream(features).map(ColumnSchema::numeric).toList();
        return MlJson.mapper()
            .writeValueAsString(new TabularSchema(columns, "diagnosis", List.of("benign", "malignant")));
    }

}
