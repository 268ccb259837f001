package ai.aimass.inference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import ai.aimass.data.apikey.ApiKeyEntity;
import ai.aimass.data.apikey.ApiKeyRepository;
import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.model.ModelRegistry;
import ai.aimass.data.model.ModelRegistry.NewVersion;
import ai.aimass.data.model.ModelRegistry.PublishedVersion;
import ai.aimass.data.tenant.TenantEntity;
import ai.aimass.data.tenant.TenantRepository;
import ai.aimass.data.user.Role;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;

/**
 * The rows the integration tests share, written once per test JVM with unique names:
 * tenant A with its user, keys and published models, and tenant B with its own key.
 * <p>
 * Tenant A's models, each with versions 1 and 2 (same schema, different weights):
 * {@value #MODEL} with {@code production} on version 1; {@value #MOVING_MODEL}, whose
 * alias a test moves; {@value #UNALIASED_MODEL}, without any alias. And
 * {@value #CATEGORICAL_MODEL}, version 1 only, whose schema has a categorical feature.
 */
final class TestWorld {

    static final String MODEL = "breast-cancer";

    static final String MOVING_MODEL = "breast-cancer-moving";

    static final String UNALIASED_MODEL = "breast-cancer-unaliased";

    static final String CATEGORICAL_MODEL = "breast-cancer-sided";

    /** A voting ensemble of a logistic regression and a tree, version 1 only. */
    static final String ENSEMBLE_MODEL = "breast-cancer-ensemble";

    static final String BUNDLE_MEDIA_TYPE = "application/vnd.aimass.bundle+zip";

    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID tenantA;

    final UUID userA;

    final String predictKeyA;

    final String participateKeyA;

    final String revokedKeyA;

    final UUID tenantB;

    final UUID userB;

    final String predictKeyB;

    final PublishedVersion movingFirst;

    final PublishedVersion movingSecond;

    private TestWorld(TenantRepository tenants, UserRepository users, ApiKeyRepository apiKeys, ArtifactStore artifacts,
            ModelRegistry registry) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        this.tenantA = createTenant(tenants, "hospitals-a-" + suffix);
        this.userA = createUser(users, this.tenantA, "admin-a-" + suffix);
        this.predictKeyA = createKey(apiKeys, this.tenantA, this.userA, Set.of("predict"), false);
        this.participateKeyA = createKey(apiKeys, this.tenantA, this.userA, Set.of("participate"), false);
        this.revokedKeyA = createKey(apiKeys, this.tenantA, this.userA, Set.of("predict"), true);
        this.tenantB = createTenant(tenants, "hospitals-b-" + suffix);
        this.userB = createUser(users, this.tenantB, "admin-b-" + suffix);
        this.predictKeyB = createKey(apiKeys, this.tenantB, this.userB, Set.of("predict", "participate"), false);
        TestModels models = TestModels.get();
        publishTwoVersions(artifacts, registry, models, MODEL, "production");
        PublishedVersion[] moving = publishTwoVersions(artifacts, registry, models, MOVING_MODEL, "production");
        this.movingFirst = moving[0];
        this.movingSecond = moving[1];
        publishTwoVersions(artifacts, registry, models, UNALIASED_MODEL, null);
        publish(artifacts, registry, models, CATEGORICAL_MODEL, models.sidedBundle(), null);
        publish(artifacts, registry, models, ENSEMBLE_MODEL, models.ensembleBundle(), null);
    }

    static TestWorld create(TenantRepository tenants, UserRepository users, ApiKeyRepository apiKeys,
            ArtifactStore artifacts, ModelRegistry registry) {
        return new TestWorld(tenants, users, apiKeys, artifacts, registry);
    }

    /**
     * Publishes version 1 (moving the alias to it, if given) and version 2 (leaving it).
     */
    private PublishedVersion[] publishTwoVersions(ArtifactStore artifacts, ModelRegistry registry, TestModels models,
            String name, String alias) {
        PublishedVersion first = publish(artifacts, registry, models, name, models.firstBundle(), alias);
        PublishedVersion second = publish(artifacts, registry, models, name, models.secondBundle(), null);
        return new PublishedVersion[] { first, second };
    }

    private PublishedVersion publish(ArtifactStore artifacts, ModelRegistry registry, TestModels models, String name,
            byte[] bundle, String alias) {
        String sha256 = artifacts.put(this.tenantA, bundle, BUNDLE_MEDIA_TYPE).sha256();
        NewVersion version = new NewVersion(null, sha256, models.schemaJson(bundle), "{}", "{}",
                models.weightsSha256(bundle));
        return registry.publishVersion(this.tenantA, name, version, alias);
    }

    private static UUID createTenant(TenantRepository tenants, String name) {
        return tenants.save(new TenantEntity(UUID.randomUUID(), name, "Hospitals " + name, Instant.now())).getId();
    }

    private static UUID createUser(UserRepository users, UUID tenantId, String username) {
        return users
            .save(new UserEntity(UUID.randomUUID(), tenantId, username, "{noop}unused", Role.TENANT_ADMIN,
                    Instant.now()))
            .getId();
    }

    /** Stores a key as platform-api does and returns the form a device presents. */
    private static String createKey(ApiKeyRepository apiKeys, UUID tenantId, UUID userId, Set<String> scopes,
            boolean revoked) {
        String id = randomId();
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKeyEntity key = new ApiKeyEntity(id, tenantId, "device " + id, sha256(secret), scopes, userId,
                Instant.now());
        if (revoked) {
            key.revoke(Instant.now());
        }
        apiKeys.save(key);
        return "am_" + id + "_" + secret;
    }

    static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
