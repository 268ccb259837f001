package ai.aimass.data.apikey;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** API keys, always looked up within a tenant except when a presented key is verified. */
public interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, String> {

    Page<ApiKeyEntity> findByTenantId(UUID tenantId, Pageable pageable);

    Optional<ApiKeyEntity> findByIdAndTenantId(String id, UUID tenantId);

}
