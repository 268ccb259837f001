package ai.aimass.data.artifact;

import java.util.UUID;

/**
 * Content-addressed blobs owned by a tenant: dataset files, checkpoints and model
 * bundles.
 * <p>
 * A blob is named by the SHA-256 of its plain content. Storing the same content twice for
 * a tenant keeps one copy and counts two references; {@link #release} drops one reference
 * and frees the blob when none is left.
 */
public interface ArtifactStore {

    /**
     * Stores the content (or adds a reference to an identical blob) and returns its
     * address.
     */
    StoredArtifact put(UUID tenantId, byte[] content, String mediaType);

    /** Returns the plain content, or throws {@link ArtifactNotFoundException}. */
    byte[] get(UUID tenantId, String sha256);

    /** Drops one reference; the blob is deleted when its last reference goes. */
    void release(UUID tenantId, String sha256);

    /** The address and size of a stored blob. */
    record StoredArtifact(String sha256, long sizeBytes) {
    }

}
