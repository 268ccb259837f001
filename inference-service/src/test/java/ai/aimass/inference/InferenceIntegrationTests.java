package ai.aimass.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.aimass.data.apikey.ApiKeyRepository;
import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.model.ModelRegistry;
import ai.aimass.data.tenant.TenantRepository;
import ai.aimass.data.test.TestDatabase;
import ai.aimass.data.user.UserRepository;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the end-to-end tests: the whole service on a random port, over real HTTP,
 * against the real PostgreSQL of the test harness, with user tokens verified against a
 * JWK Set served on 127.0.0.1.
 * <p>
 * Subclasses share one application context and one {@link TestWorld}.
 */
@SpringBootTest(classes = InferenceServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + InferenceServiceApplication.CONFIG_NAME)
abstract class InferenceIntegrationTests {

    private static TestWorld sharedWorld;

    @LocalServerPort
    private int port;

    @Autowired
    private TenantRepository tenants;

    @Autowired
    private UserRepository users;

    @Autowired
    private ApiKeyRepository apiKeys;

    @Autowired
    private ArtifactStore artifacts;

    @Autowired
    protected ModelRegistry registry;

    protected TestWorld world;

    protected TestHttp http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.registerProperties(registry);
        registry.add("aimass.inference.jwks-uri", TestTokens::jwksUri);
    }

    @BeforeEach
    void prepareWorld() {
        synchronized (InferenceIntegrationTests.class) {
            if (sharedWorld == null) {
                sharedWorld = TestWorld.create(this.tenants, this.users, this.apiKeys, this.artifacts, this.registry);
            }
        }
        this.world = sharedWorld;
        this.http = new TestHttp(this.port);
    }

    static String[] apiKey(String key) {
        return new String[] { "Authorization", "Bearer " + key };
    }

    String[] keyA() {
        return apiKey(this.world.predictKeyA);
    }

    /** A named-feature request for patients of the data file. */
    static Map<String, Object> namedRequest(int... rows) {
        List<Object> instances = new ArrayList<>();
        for (int row : rows) {
            instances.add(TestModels.get().patient(row));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("instances", instances);
        return request;
    }

    /** An Open Inference Protocol request for patients of the data file, data flat. */
    static Map<String, Object> inferRequest(int... rows) {
        List<Object> data = new ArrayList<>();
        for (int row : rows) {
            data.addAll(TestModels.get().patientValues(row));
        }
        int featureCount = TestModels.get().schema().featureCount();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "input");
        input.put("shape", List.of(rows.length, featureCount));
        input.put("datatype", "FP32");
        input.put("data", data);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("inputs", List.of(input));
        return request;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstInput(Map<String, Object> inferRequest) {
        return ((List<Map<String, Object>>) inferRequest.get("inputs")).get(0);
    }

}
