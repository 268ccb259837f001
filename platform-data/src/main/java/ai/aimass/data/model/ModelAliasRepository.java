package ai.aimass.data.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The aliases of a model. */
public interface ModelAliasRepository extends JpaRepository<ModelAliasEntity, ModelAliasEntity.Key> {

    List<ModelAliasEntity> findByModelId(UUID modelId);

    Optional<ModelAliasEntity> findByModelIdAndAlias(UUID modelId, String alias);

}
