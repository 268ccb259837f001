package ai.aimass.worker;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.dataset.DatasetEntity;
import ai.aimass.data.dataset.DatasetRepository;
import ai.aimass.data.job.JobEntity;
import ai.aimass.data.job.JobRepository;
import ai.aimass.data.tenant.TenantEntity;
import ai.aimass.data.tenant.TenantRepository;
import ai.aimass.data.user.Role;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.spec.FederationSpec;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.ParticipantSpec;
import ai.aimass.ml.spec.PublishSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;

/**
 * Creates what a job needs directly in the database, as platform-api would: a tenant and
 * its user, datasets profiled with ml-core, queued jobs; and waits for jobs to progress.
 */
class WorkerFixtures {

    static final BreastCancerHospitals DATA = BreastCancerHospitals.load();

    static final List<String> HOSPITALS = List.of("hospital-a", "hospital-b", "hospital-c");

    private final TenantRepository tenants;

    private final UserRepository users;

    private final DatasetRepository datasets;

    private final JobRepository jobs;

    private final ArtifactStore artifacts;

    WorkerFixtures(TenantRepository tenants, UserRepository users, DatasetRepository datasets, JobRepository jobs,
            ArtifactStore artifacts) {
        this.tenants = tenants;
        this.users = users;
        this.datasets = datasets;
        this.jobs = jobs;
        this.artifacts = artifacts;
    }

    /** Creates a tenant with a data scientist and the three hospitals' datasets. */
    Hospitals createHospitals() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TenantEntity tenant = this.tenants
            .save(new TenantEntity(UUID.randomUUID(), "health-" + suffix, "Health " + suffix, Instant.now()));
        UserEntity user = this.users.save(new UserEntity(UUID.randomUUID(), tenant.getId(), "scientist-" + suffix,
                "{noop}unused", Role.DATA_SCIENTIST, Instant.now()));
        List<ParticipantSpec> participants = HOSPITALS.stream()
            .map((name) -> new ParticipantSpec(name,
                    createDataset(tenant.getId(), user.getId(), name, DATA.hospitalCsv(HOSPITALS.indexOf(name)))))
            .toList();
        return new Hospitals(tenant.getId(), user.getId(), participants);
    }

    UUID createDataset(UUID tenantId, UUID userId, String name, byte[] csv) {
        DatasetProfile profile = DatasetProfiler.profile(CsvParser.parse(new ByteArrayInputStream(csv), csv.length),
                BreastCancerHospitals.LABEL_COLUMN);
        String sha256 = this.artifacts.put(tenantId, csv, "text/csv").sha256();
        DatasetEntity dataset = new DatasetEntity(UUID.randomUUID(), tenantId, name, BreastCancerHospitals.LABEL_COLUMN,
                sha256, profile.rowCount(), MlJson.mapper().writeValueAsString(profile.schema()),
                MlJson.mapper().writeValueAsString(profile), userId, Instant.now());
        return this.datasets.save(dataset).getId();
    }

    /** A spec like the main job's: a 30-16-2 MLP trained with Adam, one epoch a round. */
    static JobSpec spec(List<ParticipantSpec> participants, int rounds, long seed, String modelName) {
        return new JobSpec(JobSpec.KIND_FEDERATED, new ModelSpec(List.of(new LayerSpec(16, "relu")), "softmax"),
                new TrainingSpec(1, 32, 0.01, "adam", seed, 0.2),
                new FederationSpec(participants, rounds, "fedavg", null), new PublishSpec(modelName, "production"),
                null, null);
    }

    UUID submitJob(Hospitals hospitals, JobSpec spec) {
        return submitJob(UUID.randomUUID(), hospitals, spec);
    }

    UUID submitJob(UUID jobId, Hospitals hospitals, JobSpec spec) {
        JobEntity job = new JobEntity(jobId, hospitals.tenantId(), spec.kind(), spec.toJson(), spec.totalSteps(),
                hospitals.userId(), Instant.now());
        return this.jobs.saveAndFlush(job).getId();
    }

    JobEntity job(UUID jobId) {
        return this.jobs.findById(jobId).orElseThrow();
    }

    JobEntity awaitFinished(UUID jobId) {
        return await(jobId, (job) -> job.getStatus().isFinal(), Duration.ofMinutes(3));
    }

    JobEntity awaitCompletedRounds(UUID jobId, int rounds) {
        return await(jobId, (job) -> job.getCompletedRounds() >= rounds || job.getStatus().isFinal(),
                Duration.ofMinutes(3));
    }

    JobEntity await(UUID jobId, Predicate<JobEntity> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobEntity job = job(jobId);
            if (condition.test(job)) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Job " + jobId + " did not get there within " + timeout + ": status "
                        + job.getStatus() + ", " + job.getCompletedRounds() + " rounds, " + job.getErrorMessage());
            }
            sleep(Duration.ofMillis(50));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** A tenant with three hospitals' datasets, ready to be the participants of a job. */
    record Hospitals(UUID tenantId, UUID userId, List<ParticipantSpec> participants) {

    }

}
