package ai.aimass.data;

import ai.aimass.data.artifact.ArtifactStoreProperties;
import ai.aimass.data.artifact.PostgresArtifactStore;
import ai.aimass.data.job.JobQueue;
import ai.aimass.data.model.ModelRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Everything a service needs to use the shared database: entities, repositories, the
 * artifact store, the job queue and the model registry.
 * <p>
 * Each service application imports this class, because its own package does not contain
 * the persistence code and so would not scan it.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = PlatformDataConfiguration.class)
@EnableJpaRepositories(basePackageClasses = PlatformDataConfiguration.class)
@EnableConfigurationProperties(ArtifactStoreProperties.class)
@Import({ PostgresArtifactStore.class, JobQueue.class, ModelRegistry.class })
public class PlatformDataConfiguration {

}
