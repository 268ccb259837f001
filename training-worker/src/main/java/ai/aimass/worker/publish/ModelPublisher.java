package ai.aimass.worker.publish;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.job.JobQueue;
import ai.aimass.data.model.ModelRegistry;
import ai.aimass.data.model.ModelRegistry.NewVersion;
import ai.aimass.data.model.ModelRegistry.PublishedVersion;
import ai.aimass.dl4j.bundle.BundleCodec;
import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.weights.WeightVectors;
import ai.aimass.worker.TrainingWorkerApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a finished job's model: writes the bundle (weights, preprocessing, schema,
 * labels, metrics, provenance) to the artifact store, creates the model's next version,
 * moves the job's alias and marks the job succeeded.
 * <p>
 * All of it happens in one transaction that also checks the job's lease, so a worker that
 * lost its job publishes nothing, and a job publishes at most one version.
 */
@Component
public class ModelPublisher {

    /** The media type of a model bundle in the artifact store. */
    public static final String BUNDLE_MEDIA_TYPE = "application/vnd.aimass.bundle+zip";

    private static final Logger logger = LoggerFactory.getLogger(ModelPublisher.class);

    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final ArtifactStore artifacts;

    private final ModelRegistry registry;

    private final JobQueue queue;

    private final TransactionTemplate transaction;

    public ModelPublisher(ArtifactStore artifacts, ModelRegistry registry, JobQueue queue,
            PlatformTransactionManager transactionManager) {
        this.artifacts = artifacts;
        this.registry = registry;
        this.queue = queue;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Publishes the model and marks the job succeeded.
     * @param publication the finished job's model
     * @param workerId the worker that holds the job's lease
     * @return the new version
     * @throws ai.aimass.data.job.LeaseLostException when the worker no longer holds the
     * job; nothing is published then
     */
    public PublishedVersion publish(ModelPublication publication, String workerId) {
        String weightsSha256 = WeightVectors.sha256(publication.weights());
        Map<String, Object> provenance = provenance(publication);
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION,
                publication.spec().publish().modelName(), publication.schema(), publication.preprocessor(),
                publication.labels(), publication.spec().model(), weightsSha256, publication.metrics(), provenance);
        byte[] bundle = BundleCodec.write(new ModelBundle(manifest, publication.weights()));
        PublishedVersion published = this.transaction.execute((status) -> {
            String bundleSha256 = this.artifacts.put(publication.tenantId(), bundle, BUNDLE_MEDIA_TYPE).sha256();
            NewVersion version = new NewVersion(publication.jobId(), bundleSha256, toJson(publication.schema()),
                    toJson(publication.metrics()), toJson(provenance), weightsSha256);
            PublishedVersion created = this.registry.publishVersion(publication.tenantId(),
                    publication.spec().publish().modelName(), version, publication.spec().publish().alias());
            this.queue.succeed(publication.jobId(), workerId, created.versionId());
            return created;
        });
        logger.info("Published model {} version {} weightsSha256={} aliasMoved={} jobId={}",
                publication.spec().publish().modelName(), published.version(), weightsSha256, published.aliasMoved(),
                publication.jobId());
        String alias = publication.spec().publish().alias();
        if (alias != null && !alias.isBlank() && !published.aliasMoved()) {
            logger.warn(
                    "Left alias {} of model {} where it was: version {} has another input schema; move it with "
                            + "PUT /api/v1/models/{}/aliases/{} and force=true jobId={}",
                    alias, publication.spec().publish().modelName(), published.version(),
                    publication.spec().publish().modelName(), alias, publication.jobId());
        }
        return published;
    }

    private static Map<String, Object> provenance(ModelPublication publication) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("jobId", publication.jobId().toString());
        provenance.put("spec", MlJson.mapper().readValue(publication.spec().toJson(), JSON_OBJECT));
        provenance.put("seed", publication.spec().training().seed());
        provenance.put("datasets",
                publication.datasets()
                    .stream()
                    .map((dataset) -> MlJson.mapper().convertValue(dataset, JSON_OBJECT))
                    .toList());
        provenance.put("codeVersion", codeVersion());
        return provenance;
    }

    private static String codeVersion() {
        String version = TrainingWorkerApplication.class.getPackage().getImplementationVersion();
        return (version != null) ? version : "development";
    }

    private static String toJson(Object value) {
        return MlJson.mapper().writeValueAsString(value);
    }

}
