package ai.aimass.data.artifact;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first {@link ArtifactStore}: blobs in a PostgreSQL {@code bytea} column, encrypted
 * with AES-GCM when a key is configured.
 * <p>
 * An encrypted blob is stored as a 12-byte nonce followed by the ciphertext and its tag;
 * the row names the key id, so that keys can be rotated while older blobs stay readable.
 */
public class PostgresArtifactStore implements ArtifactStore {

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;

    private final ArtifactStoreProperties properties;

    private final Map<String, SecretKey> keys = new HashMap<>();

    private final SecureRandom random = new SecureRandom();

    public PostgresArtifactStore(JdbcTemplate jdbc, ArtifactStoreProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        properties.previousKeys().forEach((id, key) -> this.keys.put(id, decodeKey(id, key)));
        if (properties.encrypts()) {
            this.keys.put(properties.keyId(), decodeKey(properties.keyId(), properties.encryptionKey()));
        }
    }

    @Override
    @Transactional
    public StoredArtifact put(UUID tenantId, byte[] content, String mediaType) {
        String sha256 = sha256Hex(content);
        int added = this.jdbc.update(
                "UPDATE artifacts SET ref_count = ref_count + 1 WHERE tenant_id = ? AND sha256 = ?", tenantId, sha256);
        if (added == 0) {
            String keyId = this.properties.encrypts() ? this.properties.keyId() : null;
            byte[] stored = (keyId != null) ? encrypt(content, this.keys.get(keyId)) : content;
            this.jdbc.update("INSERT INTO artifacts (tenant_id, sha256, size_bytes, media_type, key_id, content, "
                    + "ref_count, created_at) VALUES (?, ?, ?, ?, ?, ?, 1, now()) "
                    + "ON CONFLICT ON CONSTRAINT pk_artifacts DO UPDATE SET ref_count = artifacts.ref_count + 1",
                    tenantId, sha256, content.length, mediaType, keyId, stored);
        }
        return new StoredArtifact(sha256, content.length);
    }

    @Override
    public byte[] get(UUID tenantId, String sha256) {
        List<byte[]> found = this.jdbc.query("SELECT key_id, content FROM artifacts WHERE tenant_id = ? AND sha256 = ?",
                (rs, row) -> decrypt(rs.getString("key_id"), rs.getBytes("content")), tenantId, sha256);
        if (found.isEmpty()) {
            throw new ArtifactNotFoundException(tenantId, sha256);
        }
        return found.get(0);
    }

    @Override
    @Transactional
    public void release(UUID tenantId, String sha256) {
        this.jdbc.update("UPDATE artifacts SET ref_count = ref_count - 1 WHERE tenant_id = ? AND sha256 = ? "
                + "AND ref_count > 0", tenantId, sha256);
        this.jdbc.update("DELETE FROM artifacts WHERE tenant_id = ? AND sha256 = ? AND ref_count = 0", tenantId,
                sha256);
    }

    /** Hex SHA-256 of the bytes, the address of a blob. */
    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }

    private byte[] encrypt(byte[] plain, SecretKey key) {
        byte[] nonce = new byte[NONCE_BYTES];
        this.random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt an artifact with AES-GCM", ex);
        }
    }

    private byte[] decrypt(String keyId, byte[] stored) {
        if (keyId == null) {
            return stored;
        }
        SecretKey key = this.keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("An artifact is encrypted with key id '" + keyId
                    + "', which is not configured; add it under aimass.artifacts.previous-keys");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("An artifact failed AES-GCM authentication with key id '" + keyId + "'",
                    ex);
        }
    }

    private static SecretKey decodeKey(String keyId, String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Artifact key '" + keyId + "' is not valid base64", ex);
        }
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "Artifact key '" + keyId + "' must be 32 bytes (AES-256), found " + raw.length + " bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

}
