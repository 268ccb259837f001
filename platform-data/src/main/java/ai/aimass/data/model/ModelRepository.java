package ai.aimass.data.model;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Models within a tenant; versions are created only by {@link ModelRegistry}. */
public interface ModelRepository extends JpaRepository<ModelEntity, UUID> {

    Page<ModelEntity> findByTenantId(UUID tenantId, Pageable pageable);

    Optional<ModelEntity> findByTenantIdAndName(UUID tenantId, String name);

}
