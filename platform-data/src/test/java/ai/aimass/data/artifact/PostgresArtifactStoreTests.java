package ai.aimass.data.artifact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import ai.aimass.data.DataFixtures;
import ai.aimass.data.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class PostgresArtifactStoreTests {

    private static final String KEY_2025 = Base64.getEncoder().encodeToString(new byte[32]);

    private static final String KEY_2026 = Base64.getEncoder()
        .encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DataFixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerProperties(registry);
    }

    @Test
    void identicalContentIsStoredOnceAndFreedWithItsLastReference() {
        ArtifactStore store = new PostgresArtifactStore(this.jdbc, new ArtifactStoreProperties(null, null, null));
        UUID tenant = this.fixtures.tenantWithUser().tenantId();
        byte[] content = "age,label\n41,yes\n".getBytes(StandardCharsets.UTF_8);

        ArtifactStore.StoredArtifact first = store.put(tenant, content, "text/csv");
        ArtifactStore.StoredArtifact second = store.put(tenant, content, "text/csv");

        assertThat(second.sha256()).isEqualTo(first.sha256()).hasSize(64);
        assertThat(refCount(tenant, first.sha256())).isEqualTo(2);
        store.release(tenant, first.sha256());
        assertThat(store.get(tenant, first.sha256())).isEqualTo(content);
        store.release(tenant, first.sha256());
        assertThatExceptionOfType(ArtifactNotFoundException.class).isThrownBy(() -> store.get(tenant, first.sha256()));
    }

    @Test
    void anotherTenantCannotReadABlobByItsDigest() {
        ArtifactStore store = new PostgresArtifactStore(this.jdbc, new ArtifactStoreProperties(null, null, null));
        UUID owner = this.fixtures.tenantWithUser().tenantId();
        UUID stranger = this.fixtures.tenantWithUser().tenantId();
        String sha = store.put(owner, "secret rows".getBytes(StandardCharsets.UTF_8), "text/csv").sha256();

        assertThatExceptionOfType(ArtifactNotFoundException.class).isThrownBy(() -> store.get(stranger, sha));
    }

    @Test
    void encryptedBlobsHoldNoPlainTextAndStayReadableAfterKeyRotation() {
        UUID tenant = this.fixtures.tenantWithUser().tenantId();
        byte[] content = "patient,diagnosis\n1,malignant\n".getBytes(StandardCharsets.UTF_8);
        ArtifactStore before = new PostgresArtifactStore(this.jdbc,
                new ArtifactStoreProperties(KEY_2025, "k2025", null));
        String sha = before.put(tenant, content, "text/csv").sha256();

        byte[] stored = this.jdbc.queryForObject("SELECT content FROM artifacts WHERE tenant_id = ? AND sha256 = ?",
                byte[].class, tenant, sha);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("malignant");
        assertThat(stored).hasSize(content.length + 12 + 16);

        ArtifactStore after = new PostgresArtifactStore(this.jdbc,
                new ArtifactStoreProperties(KEY_2026, "k2026", Map.of("k2025", KEY_2025)));
        assertThat(after.get(tenant, sha)).isEqualTo(content);
        ArtifactStore forgotten = new PostgresArtifactStore(this.jdbc,
                new ArtifactStoreProperties(KEY_2026, "k2026", null));
        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> forgotten.get(tenant, sha))
            .withMessageContaining("key id 'k2025'");
    }

    @Test
    void rejectsKeyOfWrongLength() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatExceptionOfType(IllegalStateException.class)
            .isThrownBy(() -> new PostgresArtifactStore(this.jdbc, new ArtifactStoreProperties(shortKey, "k", null)))
            .withMessage("Artifact key 'k' must be 32 bytes (AES-256), found 16 bytes");
    }

    private int refCount(UUID tenant, String sha) {
        return this.jdbc.queryForObject("SELECT ref_count FROM artifacts WHERE tenant_id = ? AND sha256 = ?",
                Integer.class, tenant, sha);
    }

}
