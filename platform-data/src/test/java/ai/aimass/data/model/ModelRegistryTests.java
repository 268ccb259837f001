package ai.aimass.data.model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.aimass.data.DataFixtures;
import ai.aimass.data.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class ModelRegistryTests {

    private static final String SCHEMA_A = "{\"features\":[\"a\",\"b\"]}";

    private static final String SCHEMA_B = "{\"features\":[\"a\"]}";

    @Autowired
    private ModelRegistry registry;

    @Autowired
    private ModelRepository models;

    @Autowired
    private ModelVersionRepository versions;

    @Autowired
    private ModelAliasRepository aliases;

    @Autowired
    private DataFixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerProperties(registry);
    }

    @Test
    void versionsAreNumberedFromOnePerModel() {
        UUID tenant = this.fixtures.tenantWithUser().tenantId();

        ModelRegistry.PublishedVersion first = this.registry.publishVersion(tenant, "risk", version(SCHEMA_A), null);
        ModelRegistry.PublishedVersion second = this.registry.publishVersion(tenant, "risk", version(SCHEMA_A), null);
        ModelRegistry.PublishedVersion other = this.registry.publishVersion(tenant, "other", version(SCHEMA_A), null);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.modelId()).isEqualTo(first.modelId());
        assertThat(other.version()).isEqualTo(1);
        assertThat(this.models.findByTenantIdAndName(tenant, "risk").orElseThrow().getLatestVersion()).isEqualTo(2);
    }

    @Test
    void concurrentPublicationsGetDistinctIncreasingVersions() throws Exception {
        UUID tenant = this.fixtures.tenantWithUser().tenantId();
        int publications = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < publications; i++) {
            Callable<Integer> publish = () -> {
                start.await();
                return this.registry.publishVersion(tenant, "race", version(SCHEMA_A), "production").version();
            };
            results.add(pool.submit(publish));
        }
        start.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (Future<Integer> result : results) {
            numbers.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        UUID modelId = this.models.findByTenantIdAndName(tenant, "race").orElseThrow().getId();
        assertThat(this.versions.findByModelId(modelId)).hasSize(publications);
        assertThat(this.aliases.findByModelIdAndAlias(modelId, "production")).isPresent();
    }

    @Test
    void publishingMovesAliasOnlyWhenSchemaMatches() {
        UUID tenant = this.fixtures.tenantWithUser().tenantId();
        ModelRegistry.PublishedVersion v1 = this.registry.publishVersion(tenant, "m", version(SCHEMA_A), "production");
        ModelRegistry.PublishedVersion v2 = this.registry.publishVersion(tenant, "m", version(SCHEMA_B), "production");

        assertThat(v1.aliasMoved()).isTrue();
        assertThat(v2.aliasMoved()).isFalse();
        assertThat(aliasTarget(v1.modelId())).isEqualTo(v1.versionId());
    }

    @Test
    void movingAliasToVersionWithOtherSchemaIsRefusedUnlessForced() {
        UUID tenant = this.fixtures.tenantWithUser().tenantId();
        ModelRegistry.PublishedVersion v1 = this.registry.publishVersion(tenant, "m", version(SCHEMA_A), "production");
        ModelRegistry.PublishedVersion v2 = this.registry.publishVersion(tenant, "m", version(SCHEMA_B), null);

        assertThatExceptionOfType(SchemaMismatchException.class)
            .isThrownBy(() -> this.registry.moveAlias(v1.modelId(), "m", "production", v2.versionId(), false))
            .withMessage("Alias 'production' of model 'm' points at version 1, whose input schema differs from "
                    + "version 2's; pass force=true to move it anyway");
        assertThat(aliasTarget(v1.modelId())).isEqualTo(v1.versionId());

        this.registry.moveAlias(v1.modelId(), "m", "production", v2.versionId(), true);
        assertThat(aliasTarget(v1.modelId())).isEqualTo(v2.versionId());
    }

    private UUID aliasTarget(UUID modelId) {
        return this.aliases.findByModelIdAndAlias(modelId, "production").orElseThrow().getVersionId();
    }

    private static ModelRegistry.NewVersion version(String schemaJson) {
        return new ModelRegistry.NewVersion(null, "0".repeat(64), schemaJson, "{}", "{}", "1".repeat(64));
    }

}
