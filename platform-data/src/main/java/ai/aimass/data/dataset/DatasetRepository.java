package ai.aimass.data.dataset;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Datasets, always within one tenant. */
public interface DatasetRepository extends JpaRepository<DatasetEntity, UUID> {

    Page<DatasetEntity> findByTenantId(UUID tenantId, Pageable pageable);

    Optional<DatasetEntity> findByIdAndTenantId(UUID id, UUID tenantId);

    Optional<DatasetEntity> findByTenantIdAndName(UUID tenantId, String name);

    boolean existsByTenantIdAndName(UUID tenantId, String name);

}
