package ai.aimass.data.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** The versions of a model. */
public interface ModelVersionRepository extends JpaRepository<ModelVersionEntity, UUID> {

    Page<ModelVersionEntity> findByModelIdOrderByVersionDesc(UUID modelId, Pageable pageable);

    Optional<ModelVersionEntity> findByModelIdAndVersion(UUID modelId, int version);

    List<ModelVersionEntity> findByModelId(UUID modelId);

}
