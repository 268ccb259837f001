package ai.aimass.api.web;

import java.util.UUID;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list refuses a page that starts beyond the largest offset a query takes, with the
 * same message, instead of failing inside the database layer.
 */
class HugePageTests extends ApiTestSupport {

    private static final String HUGE_PAGE = "?page=2147483647&size=100";

    private static final String MESSAGE = "page: expected at most 21474836 for size 100, found 2147483647";

    @Test
    void everyListRefusesAPageBeyondTheLargestOffset() {
        assertRefused("/api/v1/tenants", adminToken());
        TestTenant tenant = createTenant();
        for (String list : new String[] { "/api/v1/datasets", "/api/v1/jobs", "/api/v1/models", "/api/v1/api-keys",
                "/api/v1/users" }) {
            assertRefused(list, tenant.adminToken());
        }
    }

    @Test
    void roundsAndVersionsRefuseAPageBeyondTheLargestOffset() {
        TestTenant tenant = createTenant();
        assertRefused("/api/v1/jobs/" + UUID.randomUUID() + "/rounds", tenant.adminToken());
        assertRefused("/api/v1/models/no-such-model/versions", tenant.adminToken());
    }

    @Test
    void theLastPageWhoseOffsetFitsIsAnsweredEmpty() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().get("/api/v1/datasets?page=21474836&size=100", tenant.adminToken());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().get("items")).isEmpty();
        assertThat(response.body().get("page").asInt()).isEqualTo(21474836);
    }

    private void assertRefused(String list, String token) {
        ApiClient.Response response = api().get(list + HUGE_PAGE, token);
        assertThat(response.status()).as(list + ": " + response.text()).isEqualTo(400);
        assertThat(response.code()).as(list).isEqualTo("invalid_input");
        assertThat(response.detail()).as(list).isEqualTo(MESSAGE);
    }

}
