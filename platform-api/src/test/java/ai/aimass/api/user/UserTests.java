package ai.aimass.api.user;

import java.util.ArrayList;
import java.util.List;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class UserTests extends ApiTestSupport {

    @Test
    void tenantAdminAddsUsersWhoCanLogIn() {
        TestTenant tenant = createTenant();
        String username = uniqueName("scientist");
        ApiClient.Response response = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":"%s","role":"DATA_SCIENTIST"}
                """.formatted(username, USER_PASSWORD));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("role").asString()).isEqualTo("DATA_SCIENTIST");
        assertThat(response.body().get("tenantId").asString()).isEqualTo(tenant.id().toString());
        assertThat(response.body().has("passwordHash")).isFalse();
        String id = response.body().get("id").asString();
        ApiClient.Response read = api().get("/api/v1/users/" + id, tenant.adminToken());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("username").asString()).isEqualTo(username);
        assertThat(api().login(username, USER_PASSWORD)).isNotBlank();
    }

    @Test
    void listsOnlyTheUsersOfTheCallersTenant() {
        TestTenant tenant = createTenant();
        TestTenant other = createTenant();
        createUser(tenant, "VIEWER");
        createUser(other, "VIEWER");
        ApiClient.Response response = api().get("/api/v1/users", tenant.adminToken());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("totalItems").asLong()).isEqualTo(2);
        List<String> tenants = new ArrayList<>();
        for (JsonNode user : response.body().get("items")) {
            tenants.add(user.get("tenantId").asString());
        }
        assertThat(tenants).containsOnly(tenant.id().toString());
    }

    @Test
    void refusesThePlatformAdminRole() {
        TestTenant tenant = createTenant();
        String username = uniqueName("root");
        ApiClient.Response response = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":"%s","role":"PLATFORM_ADMIN"}
                """.formatted(username, USER_PASSWORD));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail())
            .startsWith("role: expected one of TENANT_ADMIN, DATA_SCIENTIST, VIEWER, found " + "PLATFORM_ADMIN");
        assertThat(count("SELECT count(*) FROM users WHERE username = ?", username)).isZero();
    }

    @Test
    void refusesAnUnknownRole() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":"%s","role":"OWNER"}
                """.formatted(uniqueName("u"), USER_PASSWORD));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).isEqualTo("role: expected one of PLATFORM_ADMIN, TENANT_ADMIN, DATA_SCIENTIST, "
                + "VIEWER, found a string (\"OWNER\")");
    }

    @Test
    void refusesAPasswordLongerThanBcryptsLimitCountingUtf8Bytes() {
        TestTenant tenant = createTenant();
        String username = uniqueName("u");
        ApiClient.Response response = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":"%s","role":"VIEWER"}
                """.formatted(username, "\u00e9".repeat(37)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("password: expected at most 72 bytes in UTF-8, found 74");
        assertThat(count("SELECT count(*) FROM users WHERE username = ?", username)).isZero();
    }

    @Test
    void acceptsAPasswordOfExactly72Bytes() {
        TestTenant tenant = createTenant();
        String username = uniqueName("u");
        String password = "\u00e9".repeat(36);
        ApiClient.Response response = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":"%s","role":"VIEWER"}
                """.formatted(username, password));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(api().login(username, password)).isNotBlank();
    }

    @Test
    void refusesARoleGivenAsAnOrdinal() {
        TestTenant tenant = createTenant();
        String username = uniqueName("u");
        ApiClient.Response response = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":"%s","role":1}
                """.formatted(username, USER_PASSWORD));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo(
                "role: expected one of PLATFORM_ADMIN, TENANT_ADMIN, DATA_SCIENTIST, VIEWER, found a number (1)");
        assertThat(count("SELECT count(*) FROM users WHERE username = ?", username)).isZero();
    }

    @Test
    void refusesNumbersForTextFields() {
        TestTenant tenant = createTenant();
        ApiClient.Response password = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":12345678,"role":"VIEWER"}
                """.formatted(uniqueName("u")));
        ApiClient.Response username = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":12345678,"password":"%s","role":"VIEWER"}
                """.formatted(USER_PASSWORD));
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.code()).isEqualTo("invalid_input");
        assertThat(password.detail()).isEqualTo("password: expected a string, found a number (12345678)");
        assertThat(username.status()).isEqualTo(400);
        assertThat(username.code()).isEqualTo("invalid_input");
        assertThat(username.detail()).isEqualTo("username: expected a string, found a number (12345678)");
    }

    @Test
    void takenUsernameIs409() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s-admin","password":"%s","role":"VIEWER"}
                """.formatted(tenant.name(), USER_PASSWORD));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("already_exists");
        assertThat(response.detail())
            .startsWith("username: expected a login name that no user has, found \"" + tenant.name() + "-admin\"");
    }

    @Test
    void onlyTenantAdminsManageUsers() {
        TestTenant tenant = createTenant();
        String scientist = createUser(tenant, "DATA_SCIENTIST");
        ApiClient.Response create = api().post("/api/v1/users", scientist, """
                {"username":"%s","password":"%s","role":"VIEWER"}
                """.formatted(uniqueName("u"), USER_PASSWORD));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("forbidden");
        assertThat(api().get("/api/v1/users", scientist).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/users", adminToken()).status()).isEqualTo(403);
    }

    @Test
    void anotherTenantsUserIsNotFound() {
        TestTenant tenant = createTenant();
        TestTenant other = createTenant();
        ApiClient.Response created = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":"%s","role":"VIEWER"}
                """.formatted(uniqueName("u"), USER_PASSWORD));
        String id = created.body().get("id").asString();
        ApiClient.Response response = api().get("/api/v1/users/" + id, other.adminToken());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("not_found");
        assertThat(response.detail()).isEqualTo("user: expected a user of your tenant, found none with id " + id);
    }

}
