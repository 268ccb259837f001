package ai.aimass.api.tenant;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantTests extends ApiTestSupport {

    @Test
    void createsTenantWithItsFirstAdmin() {
        String name = uniqueName("demo-health");
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","displayName":"Demo Health","admin":{"username":"%s-admin","password":"%s"}}
                """.formatted(name, name, USER_PASSWORD));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body().get("name").asString()).isEqualTo(name);
        assertThat(response.body().get("displayName").asString()).isEqualTo("Demo Health");
        assertThat(response.body().get("admin").get("role").asString()).isEqualTo("TENANT_ADMIN");
        assertThat(response.body().get("admin").has("password")).isFalse();
        assertThat(response.body().get("admin").has("passwordHash")).isFalse();
        String id = response.body().get("id").asString();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/tenants/" + id);
        assertThat(response.body().get("admin").get("tenantId").asString()).isEqualTo(id);
        assertThat(api().login(name + "-admin", USER_PASSWORD)).isNotBlank();
        String hash = this.jdbc.queryForObject("SELECT password_hash FROM users WHERE username = ?", String.class,
                name + "-admin");
        assertThat(hash).startsWith("$2").doesNotContain(USER_PASSWORD);
    }

    @Test
    void takenTenantNameIs409AndCreatesNoUser() {
        TestTenant existing = createTenant();
        String username = uniqueName("second-admin");
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","admin":{"username":"%s","password":"%s"}}
                """.formatted(existing.name(), username, USER_PASSWORD));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("already_exists");
        assertThat(response.detail()).isEqualTo(
                "name: expected a tenant name that no tenant has, found \"" + existing.name() + "\", which is taken");
        assertThat(count("SELECT count(*) FROM users WHERE username = ?", username)).isZero();
    }

    @Test
    void takenAdminUsernameIs409AndCreatesNoTenant() {
        TestTenant existing = createTenant();
        String name = uniqueName("t");
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","admin":{"username":"%s-admin","password":"%s"}}
                """.formatted(name, existing.name(), USER_PASSWORD));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("already_exists");
        assertThat(response.detail()).startsWith("admin.username: expected a login name that no user has");
        assertThat(count("SELECT count(*) FROM tenants WHERE name = ?", name)).isZero();
    }

    @Test
    void refusesNamesThatBreakTheRules() {
        for (String name : new String[] { "ab", "Demo", "demo_health", "-demo", "demo-", "9demo", "a".repeat(64) }) {
            ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                    {"name":"%s","admin":{"username":"%s","password":"%s"}}
                    """.formatted(name, uniqueName("u"), USER_PASSWORD));
            assertThat(response.status()).as(name).isEqualTo(400);
            assertThat(response.code()).isEqualTo("invalid_input");
            assertThat(response.detail()).isEqualTo("name: expected 3 to 63 lowercase letters, digits or dashes, "
                    + "starting with a letter and not ending with a dash, found \"" + name + "\"");
            assertThat(count("SELECT count(*) FROM tenants WHERE name = ?", name)).isZero();
        }
    }

    @Test
    void listsEveryProblemOfTheRequestAndNeverEchoesAPassword() {
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"x","admin":{"username":"u","password":"short"}}
                """);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.body().get("errors")).hasSize(3);
        assertThat(response.detail()).startsWith("3 problems: ")
            .contains("admin.password: expected at least 8 characters, found 5 characters")
            .contains("admin.username: expected 3 to 100 letters")
            .contains("name: expected 3 to 63")
            .doesNotContain("short");
    }

    @Test
    void refusesAnAdminPasswordLongerThan72Bytes() {
        String name = uniqueName("t");
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","admin":{"username":"%s-admin","password":"%s"}}
                """.formatted(name, name, "p".repeat(73)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("admin.password: expected at most 72 bytes in UTF-8, found 73");
        assertThat(count("SELECT count(*) FROM tenants WHERE name = ?", name)).isZero();
    }

    @Test
    void refusesANulCharacterInTheDisplayName() {
        String name = uniqueName("t");
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","displayName":"Demo\\u0000Health","admin":{"username":"%s-admin","password":"%s"}}
                """.formatted(name, name, USER_PASSWORD));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail())
            .isEqualTo("displayName: expected text without NUL characters, found one at index 4");
        assertThat(count("SELECT count(*) FROM tenants WHERE name = ?", name)).isZero();
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","colour":"blue","admin":{"username":"%s","password":"%s"}}
                """.formatted(uniqueName("t"), uniqueName("u"), USER_PASSWORD));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail())
            .isEqualTo("colour: expected only the fields admin, displayName, name, found an unknown field");
    }

    @Test
    void duplicateFieldIs400NamingTheFieldAndCreatesNothing() {
        String name = uniqueName("t");
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","name":"%s","admin":{"username":"%s","password":"%s"}}
                """.formatted(name, uniqueName("t"), uniqueName("u"), USER_PASSWORD));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("name: expected each field once, found it twice");
        assertThat(count("SELECT count(*) FROM tenants WHERE name = ?", name)).isZero();
    }

    @Test
    void duplicateNestedFieldIs400NamingItsPath() {
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","admin":{"username":"%s","password":"%s","password":"%s"}}
                """.formatted(uniqueName("t"), uniqueName("u"), USER_PASSWORD, USER_PASSWORD));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("admin.password: expected each field once, found it twice");
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), "{\"name\": \"x\",\n  }");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail())
            .isEqualTo("request body: expected well-formed JSON, found a syntax error at line 2, column 3");
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("tools.jackson");
    }

    @Test
    void wrongTypeIs400NamingTheField() {
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(),
                "{\"name\":\"abc\",\"admin\":{\"username\":[1],\"password\":\"x\"}}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.detail()).isEqualTo("admin.username: expected a string, found an array");
    }

    @Test
    void listsTenantsPageByPage() {
        createTenant();
        createTenant();
        ApiClient.Response first = api().get("/api/v1/tenants?page=0&size=1", adminToken());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("items")).hasSize(1);
        assertThat(first.body().get("page").asInt()).isZero();
        assertThat(first.body().get("size").asInt()).isEqualTo(1);
        long total = first.body().get("totalItems").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(first.body().get("totalPages").asLong()).isEqualTo(total);
        ApiClient.Response defaults = api().get("/api/v1/tenants", adminToken());
        assertThat(defaults.body().get("size").asInt()).isEqualTo(20);
    }

    @Test
    void refusesPagesBeyondTheLimits() {
        ApiClient.Response tooLarge = api().get("/api/v1/tenants?size=101", adminToken());
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.code()).isEqualTo("invalid_input");
        assertThat(tooLarge.detail()).isEqualTo("size: expected 1 to 100, found 101");
        ApiClient.Response negative = api().get("/api/v1/tenants?page=-1", adminToken());
        assertThat(negative.detail()).isEqualTo("page: expected 0 or more, found -1");
        ApiClient.Response notNumber = api().get("/api/v1/tenants?page=first", adminToken());
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.detail()).isEqualTo("page: expected an integer, found \"first\"");
    }

    @Test
    void tenantAdminMayNotCreateTenants() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().post("/api/v1/tenants", tenant.adminToken(), """
                {"name":"%s","admin":{"username":"%s","password":"%s"}}
                """.formatted(uniqueName("t"), uniqueName("u"), USER_PASSWORD));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
        assertThat(response.detail()).startsWith("role TENANT_ADMIN: may not POST /api/v1/tenants");
    }

}
