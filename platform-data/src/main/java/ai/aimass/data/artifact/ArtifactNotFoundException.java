package ai.aimass.data.artifact;

import java.util.UUID;

/** Thrown when a tenant has no blob with the asked digest. */
public class ArtifactNotFoundException extends RuntimeException {

    public ArtifactNotFoundException(UUID tenantId, String sha256) {
        super("No artifact " + sha256 + " is stored for tenant " + tenantId);
    }

}
