package ai.aimass.data.artifact;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the artifact store.
 *
 * @param encryptionKey base64 of a 256-bit AES key that encrypts new blobs; blobs are
 * stored in plain form when it is empty
 * @param keyId name of {@code encryptionKey}, recorded beside every blob it encrypts
 * @param previousKeys earlier keys by id, still able to decrypt blobs written before a
 * rotation
 */
@ConfigurationProperties("aimass.artifacts")
public record ArtifactStoreProperties(String encryptionKey, String keyId, Map<String, String> previousKeys) {

    public ArtifactStoreProperties {
        keyId = (keyId == null || keyId.isBlank()) ? "primary" : keyId;
        previousKeys = (previousKeys != null) ? Map.copyOf(previousKeys) : Map.of();
    }

    boolean encrypts() {
        return this.encryptionKey != null && !this.encryptionKey.isBlank();
    }

}
