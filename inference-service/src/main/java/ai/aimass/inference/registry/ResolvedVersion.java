package ai.aimass.inference.registry;

import java.util.UUID;

/**
 * The concrete model version that a request names, by number or alias, within the
 * caller's tenant.
 *
 * @param tenantId the tenant that owns the model
 * @param modelId the model id
 * @param modelName the model name
 * @param versionId the version id, which names the immutable bundle
 * @param version the version number
 * @param bundleSha256 the address of the bundle in the artifact store
 */
public record ResolvedVersion(UUID tenantId, UUID modelId, String modelName, UUID versionId, int version,
        String bundleSha256) {

    /**
     * Returns the version number as the protocols write it.
     * @return for example {@code "2"}
     */
    public String versionLabel() {
        return Integer.toString(this.version);
    }

}
