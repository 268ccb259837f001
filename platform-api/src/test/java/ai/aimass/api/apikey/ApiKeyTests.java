package ai.aimass.api.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTests extends ApiTestSupport {

    private static final Pattern KEY = Pattern.compile("am_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");

    @Test
    void createAnswersTheFullKeyOnceAndStoresOnlyTheSecretsDigest() throws Exception {
        TestTenant tenant = createTenant();
        ApiClient.Response created = api().post("/api/v1/api-keys", tenant.adminToken(),
                "{\"name\":\"ward-3-tablet\",\"scopes\":[\"predict\"]}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().get("key").asString();
        Matcher matcher = KEY.matcher(key);
        assertThat(matcher.matches()).as(key).isTrue();
        String id = matcher.group(1);
        String secret = matcher.group(2);
        assertThat(created.body().get("id").asString()).isEqualTo(id);
        assertThat(created.body().get("scopes")).hasSize(1);
        assertThat(created.body().get("scopes").get(0).asString()).isEqualTo("predict");
        byte[] stored = this.jdbc.queryForObject("SELECT secret_sha256 FROM api_keys WHERE id = ?", byte[].class, id);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(stored).isEqualTo(expected);
        ApiClient.Response list = api().get("/api/v1/api-keys", tenant.adminToken());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("totalItems").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(list.body().get("items").get(0).has("key")).isFalse();
        assertThat(list.text()).doesNotContain(secret);
    }

    @Test
    void scopesDefaultToPredict() {
        TestTenant tenant = createTenant();
        ApiClient.Response created = api().post("/api/v1/api-keys", tenant.adminToken(), "{\"name\":\"sensor\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("scopes").get(0).asString()).isEqualTo("predict");
    }

    @Test
    void refusesUnknownScopesNamingEach() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().post("/api/v1/api-keys", tenant.adminToken(),
                "{\"name\":\"sensor\",\"scopes\":[\"predict\",\"admin\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("scopes[1]: expected one of predict, participate, found \"admin\"");
        assertThat(count("SELECT count(*) FROM api_keys WHERE tenant_id = ?", tenant.id())).isZero();
    }

    @Test
    void refusesANulCharacterNamingTheField() {
        TestTenant tenant = createTenant();
        ApiClient.Response name = api().post("/api/v1/api-keys", tenant.adminToken(), "{\"name\":\"x\\u0000y\"}");
        ApiClient.Response scope = api().post("/api/v1/api-keys", tenant.adminToken(),
                "{\"name\":\"sensor\",\"scopes\":[\"predict\",\"\\u0000\"]}");
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.code()).isEqualTo("invalid_input");
        assertThat(name.detail()).isEqualTo("name: expected text without NUL characters, found one at index 1");
        assertThat(scope.status()).isEqualTo(400);
        assertThat(scope.code()).isEqualTo("invalid_input");
        assertThat(scope.detail()).isEqualTo("scopes[1]: expected text without NUL characters, found one at index 0");
        assertThat(count("SELECT count(*) FROM api_keys WHERE tenant_id = ?", tenant.id())).isZero();
    }

    @Test
    void revokeSetsRevokedAtAndListsIt() {
        TestTenant tenant = createTenant();
        String scientist = createUser(tenant, "DATA_SCIENTIST");
        ApiClient.Response created = api().post("/api/v1/api-keys", scientist,
                "{\"name\":\"device\",\"scopes\":[\"predict\",\"participate\"]}");
        String id = created.body().get("id").asString();
        ApiClient.Response revoked = api().delete("/api/v1/api-keys/" + id, scientist);
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM api_keys WHERE id = ? AND revoked_at IS NOT NULL", id)).isEqualTo(1);
        ApiClient.Response list = api().get("/api/v1/api-keys", tenant.adminToken());
        assertThat(list.body().get("items").get(0).get("revokedAt").isNull()).isFalse();
        assertThat(api().delete("/api/v1/api-keys/" + id, scientist).status()).isEqualTo(204);
    }

    @Test
    void unknownKeyIsNotFound() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().delete("/api/v1/api-keys/abcdefghij012345", tenant.adminToken());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(response.detail())
            .isEqualTo("id: expected an API key of your tenant, found none with id \"abcdefghij012345\"");
    }

    @Test
    void viewersMayNotManageKeys() {
        TestTenant tenant = createTenant();
        String viewer = createUser(tenant, "VIEWER");
        ApiClient.Response response = api().post("/api/v1/api-keys", viewer, "{\"name\":\"device\"}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(api().get("/api/v1/api-keys", viewer).status()).isEqualTo(403);
    }

}
