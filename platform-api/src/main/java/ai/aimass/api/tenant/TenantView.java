package ai.aimass.api.tenant;

import java.time.Instant;
import java.util.UUID;

import ai.aimass.data.tenant.TenantEntity;

/**
 * A tenant as the API shows it.
 *
 * @param id the tenant id, the {@code tenant} claim of its users' tokens
 * @param name the unique name
 * @param displayName the name for people
 * @param createdAt when it was created
 */
record TenantView(UUID id, String name, String displayName, Instant createdAt) {

    static TenantView of(TenantEntity tenant) {
        return new TenantView(tenant.getId(), tenant.getName(), tenant.getDisplayName(), tenant.getCreatedAt());
    }

}
