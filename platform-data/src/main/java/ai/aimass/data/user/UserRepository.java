package ai.aimass.data.user;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Users by login name, and a tenant's users page by page. */
public interface UserRepository extends JpaRepository<UserEntity, UUID> {

    Optional<UserEntity> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);

    Page<UserEntity> findByTenantId(UUID tenantId, Pageable pageable);

    Optional<UserEntity> findByIdAndTenantId(UUID id, UUID tenantId);

}
