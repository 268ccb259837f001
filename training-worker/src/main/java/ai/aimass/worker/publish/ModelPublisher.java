package ai.aimass.worker.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.job.JobQueue;
import ai.aimass.data.model.ModelRegistry;
import ai.aimass.data.model.ModelRegistry.NewVersion;
import ai.aimass.data.model.ModelRegistry.PublishedVersion;
import ai.aimass.dl4j.bundle.BundleCodec;
import ai.aimass.dl4j.bundle.EnsembleBundleCodec;
import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.dl4j.ensemble.MemberReport;
import ai.aimass.dl4j.ensemble.TrainedEnsemble;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.tabular.TabularSchema;
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
        Map<String, Object> provenance = provenance(publication.jobId(), publication.spec(), publication.datasets());
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION,
                publication.spec().publish().modelName(), publication.schema(), publication.preprocessor(),
                publication.labels(), publication.spec().model(), weightsSha256, publication.metrics(), provenance);
        byte[] bundle = BundleCodec.write(new ModelBundle(manifest, publication.weights()));
        return store(publication.jobId(), publication.tenantId(), publication.spec(), publication.schema(),
                publication.metrics(), provenance, bundle, weightsSha256, workerId);
    }

    /**
     * Publishes an ensemble and marks the job succeeded, as {@link #publish} does for a
     * single network. The provenance lists every member: its kind, seed and the
     * participant whose rows trained it.
     * @param publication the finished job's ensemble
     * @param workerId the worker that holds the job's lease
     * @return the new version
     * @throws ai.aimass.data.job.LeaseLostException when the worker no longer holds the
     * job; nothing is published then
     */
    public PublishedVersion publishEnsemble(EnsemblePublication publication, String workerId) {
        TrainedEnsemble ensemble = publication.ensemble();
        Map<String, Object> provenance = provenance(publication.jobId(), publication.spec(), publication.datasets());
        provenance.put("members", memberProvenance(publication));
        Map<String, Object> metrics = new LinkedHashMap<>(ensemble.metrics());
        byte[] bundle = EnsembleBundleCodec.write(publication.spec().publish().modelName(), publication.schema(),
                publication.preprocessor(), publication.labels(), metrics, provenance, ensemble);
        return store(publication.jobId(), publication.tenantId(), publication.spec(), publication.schema(), metrics,
                provenance, bundle, ensemble.digest(), workerId);
    }

    private PublishedVersion store(UUID jobId, UUID tenantId, JobSpec spec, TabularSchema schema,
            Map<String, Object> metrics, Map<String, Object> provenance, byte[] bundle, String weightsSha256,
            String workerId) {
        String modelName = spec.publish().modelName();
        PublishedVersion published = this.transaction.execute((status) -> {
            String bundleSha256 = this.artifacts.put(tenantId, bundle, BUNDLE_MEDIA_TYPE).sha256();
            NewVersion version = new NewVersion(jobId, bundleSha256, toJson(schema), toJson(metrics),
                    toJson(provenance), weightsSha256);
            PublishedVersion created = this.registry.publishVersion(tenantId, modelName, version,
                    spec.publish().alias());
            this.queue.succeed(jobId, workerId, created.versionId());
            return created;
        });
        logger.info("Published model {} version {} weightsSha256={} aliasMoved={} jobId={}", modelName,
                published.version(), weightsSha256, published.aliasMoved(), jobId);
        String alias = spec.publish().alias();
        if (alias != null && !alias.isBlank() && !published.aliasMoved()) {
            logger.warn(
                    "Left alias {} of model {} where it was: version {} has another input schema; move it with "
                            + "PUT /api/v1/models/{}/aliases/{} and force=true jobId={}",
                    alias, modelName, published.version(), modelName, alias, jobId);
        }
        return published;
    }

    private static List<Map<String, Object>> memberProvenance(EnsemblePublication publication) {
        EnsembleSpec ensemble = publication.spec().ensemble();
        List<Map<String, Object>> members = new ArrayList<>();
        for (MemberReport report : publication.ensemble().members()) {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("index", report.index());
            member.put("type", report.type());
            member.put("spec", MlJson.mapper().convertValue(ensemble.memberKind(report.index()), JSON_OBJECT));
            member.put("seed", report.seed());
            String participant = (report.participant() != null) ? report.participant()
                    : publication.datasets().get(0).participant();
            member.put("participant", report.participant());
            publication.datasets()
                .stream()
                .filter((dataset) -> dataset.participant().equals(participant))
                .findFirst()
                .ifPresent((dataset) -> member.put("datasetId", dataset.datasetId().toString()));
            members.add(member);
        }
        return members;
    }

    private static Map<String, Object> provenance(UUID jobId, JobSpec spec, List<DatasetProvenance> datasets) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("jobId", jobId.toString());
        provenance.put("spec", MlJson.mapper().readValue(spec.toJson(), JSON_OBJECT));
        provenance.put("seed", spec.training().seed());
        provenance.put("datasets",
                datasets.stream().map((dataset) -> MlJson.mapper().convertValue(dataset, JSON_OBJECT)).toList());
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
