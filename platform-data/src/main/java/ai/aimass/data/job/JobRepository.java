package ai.aimass.data.job;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Read access to jobs within a tenant; state changes go through {@link JobQueue}. */
public interface JobRepository extends JpaRepository<JobEntity, UUID> {

    Page<JobEntity> findByTenantId(UUID tenantId, Pageable pageable);

    Optional<JobEntity> findByIdAndTenantId(UUID id, UUID tenantId);

}
