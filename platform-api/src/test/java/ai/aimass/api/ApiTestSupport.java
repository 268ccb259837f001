package ai.aimass.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import ai.aimass.data.test.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that run the whole service on a random port against the test
 * PostgreSQL and talk to it over HTTP. All of them share one application context and one
 * database, so each test makes its own tenant with a random name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.name=platform-api",
                "aimass.security.admin-password=" + ApiTestSupport.ADMIN_PASSWORD,
                "aimass.api.max-dataset-bytes=" + ApiTestSupport.MAX_DATASET_BYTES,
                "aimass.api.job-events.keep-alive-interval=300ms" })
public abstract class ApiTestSupport {

    /** The password of the platform admin in tests. */
    public static final String ADMIN_PASSWORD = "test-admin-password-1";

    /** The dataset size limit in tests, above the real data file (124 kB). */
    public static final int MAX_DATASET_BYTES = 300_000;

    /** The password of every tenant user that tests create. */
    public static final String USER_PASSWORD = "user-password-1";

    @LocalServerPort
    private int port;

    @Autowired
    protected JdbcTemplate jdbc;

    private ApiClient api;

    private static String adminToken;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerProperties(registry);
    }

    protected ApiClient api() {
        if (this.api == null) {
            this.api = new ApiClient(this.port);
        }
        return this.api;
    }

    /** An access token of the platform admin, made once per test JVM. */
    protected String adminToken() {
        if (adminToken == null) {
            adminToken = api().login("admin", ADMIN_PASSWORD);
        }
        return adminToken;
    }

    /** Creates a tenant with a random name and its admin, and logs the admin in. */
    protected TestTenant createTenant() {
        String name = uniqueName("t");
        String adminName = name + "-admin";
        ApiClient.Response response = api().post("/api/v1/tenants", adminToken(), """
                {"name":"%s","displayName":"Test %s","admin":{"username":"%s","password":"%s"}}
                """.formatted(name, name, adminName, USER_PASSWORD));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        UUID id = UUID.fromString(response.body().get("id").asString());
        return new TestTenant(id, name, api().login(adminName, USER_PASSWORD));
    }

    /** Adds a user with a role to a tenant and logs it in. */
    protected String createUser(TestTenant tenant, String role) {
        String username = uniqueName(role.toLowerCase().replace('_', '-'));
        ApiClient.Response response = api().post("/api/v1/users", tenant.adminToken(), """
                {"username":"%s","password":"%s","role":"%s"}
                """.formatted(username, USER_PASSWORD, role));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return api().login(username, USER_PASSWORD);
    }

    protected long count(String sql, Object... args) {
        Long count = this.jdbc.queryForObject(sql, Long.class, args);
        return (count != null) ? count : 0;
    }

    protected long datasetCount(TestTenant tenant) {
        return count("SELECT count(*) FROM datasets WHERE tenant_id = ?", tenant.id());
    }

    protected long artifactCount(TestTenant tenant) {
        return count("SELECT count(*) FROM artifacts WHERE tenant_id = ?", tenant.id());
    }

    protected long jobCount(TestTenant tenant) {
        return count("SELECT count(*) FROM jobs WHERE tenant_id = ?", tenant.id());
    }

    /** Records a two-participant round of a job directly, as a worker would. */
    protected void insertRound(String jobId, int round, double meanLoss, double accuracy) {
        String metrics = """
                [{"participant":"hospital-a","exampleCount":195,"validationCount":49,"loss":0.3,
                  "validationAccuracy":0.96},
                 {"participant":"hospital-b","exampleCount":120,"validationCount":30,"loss":0.4,
                  "validationAccuracy":0.9}]
                """;
        this.jdbc.update(
                "INSERT INTO job_rounds (job_id, round_number, participants_answered, participants_asked, "
                        + "mean_loss, validation_accuracy, participant_metrics_json, duration_millis, training_millis, "
                        + "completed_at) VALUES (?, ?, 2, 2, ?, ?, ?, 120, 80, ?)",
                UUID.fromString(jobId), round, meanLoss, accuracy, metrics, Timestamp.from(Instant.now()));
    }

    protected static String uniqueName(String prefix) {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random);
    }

    /**
     * A tenant made for one test.
     *
     * @param id the tenant id
     * @param name its name
     * @param adminToken an access token of its first admin
     */
    public record TestTenant(UUID id, String name, String adminToken) {
    }

}
