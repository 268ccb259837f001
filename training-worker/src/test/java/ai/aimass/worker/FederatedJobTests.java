package ai.aimass.worker;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.dataset.DatasetEntity;
import ai.aimass.data.dataset.DatasetRepository;
import ai.aimass.data.job.JobEntity;
import ai.aimass.data.job.JobQueue;
import ai.aimass.data.job.JobRoundEntity;
import ai.aimass.data.job.JobRoundRepository;
import ai.aimass.data.job.JobStatus;
import ai.aimass.data.model.ModelAliasRepository;
import ai.aimass.data.model.ModelEntity;
import ai.aimass.data.model.ModelRepository;
import ai.aimass.data.model.ModelVersionEntity;
import ai.aimass.data.model.ModelVersionRepository;
import ai.aimass.dl4j.bundle.BundleCodec;
import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.dl4j.predict.Prediction;
import ai.aimass.dl4j.predict.TabularPredictor;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.spec.ParticipantSpec;
import ai.aimass.ml.weights.WeightVectors;
import ai.aimass.worker.WorkerFixtures.Hospitals;
import ai.aimass.worker.federated.ParticipantMetrics;
import ai.aimass.worker.queue.JobPoller;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.annotation.Autowired;

import static ai.aimass.worker.WorkerFixtures.DATA;
import static ai.aimass.worker.WorkerFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Federated jobs from claim to published version, on the real breast cancer data split
 * among three hospitals.
 */
class FederatedJobTests extends WorkerIntegrationTests {

    private static final Logger logger = LoggerFactory.getLogger(FederatedJobTests.class);

    /** 30 inputs, 16 hidden units and 2 outputs, each layer with its biases. */
    private static final int PARAMETER_COUNT = 30 * 16 + 16 + 16 * 2 + 2;

    @Autowired
    private WorkerFixtures fixtures;

    @Autowired
    private JobRoundRepository rounds;

    @Autowired
    private ModelRepository models;

    @Autowired
    private ModelVersionRepository versions;

    @Autowired
    private ModelAliasRepository aliases;

    @Autowired
    private DatasetRepository datasets;

    @Autowired
    private ArtifactStore artifacts;

    @Autowired
    private JobQueue queue;

    @Autowired
    private JobPoller poller;

    @Autowired
    private ScriptedTaskRunner taskRunner;

    @Autowired
    private PacedRounds pacing;

    @Test
    void federatedJobRecordsEveryRoundAndPublishesAModelThatPredictsHeldOutPatients() {
        Hospitals hospitals = this.fixtures.createHospitals();
        int totalRounds = 10;
        UUID jobId = this.fixtures.submitJob(hospitals,
                spec(hospitals.participants(), totalRounds, 42, "breast-cancer"));

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).as(job.getErrorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.getCompletedRounds()).isEqualTo(totalRounds);
        assertThat(job.getAttemptCount()).isEqualTo(1);
        assertThat(job.getCheckpointSha256()).as("a finished job keeps no checkpoint").isNull();
        List<JobRoundEntity> recorded = this.rounds.findByJobIdOrderByRoundNumber(jobId);
        assertThat(recorded).extracting(JobRoundEntity::getRoundNumber)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, totalRounds).boxed().toList());
        assertThat(recorded).allSatisfy((round) -> {
            assertThat(round.getParticipantsAnswered()).isEqualTo(3);
            assertThat(round.getParticipantsAsked()).isEqualTo(3);
            assertThat(round.getDurationMillis()).isGreaterThanOrEqualTo(round.getTrainingMillis());
        });
        JobRoundEntity last = recorded.get(totalRounds - 1);
        assertRoundMetricsAddUp(last);
        assertThat(last.getValidationAccuracy()).isGreaterThan(0.9);
        assertThat(last.getMeanLoss()).isLessThan(recorded.get(0).getMeanLoss());
        logRoundTimes(recorded);

        ModelEntity model = this.models.findByTenantIdAndName(hospitals.tenantId(), "breast-cancer").orElseThrow();
        ModelVersionEntity version = this.versions.findByModelIdAndVersion(model.getId(), 1).orElseThrow();
        assertThat(job.getModelVersionId()).isEqualTo(version.getId());
        assertThat(version.getJobId()).isEqualTo(jobId);
        assertThat(this.aliases.findByModelIdAndAlias(model.getId(), "production").orElseThrow().getVersionId())
            .isEqualTo(version.getId());
        ModelBundle bundle = BundleCodec.read(this.artifacts.get(hospitals.tenantId(), version.getBundleSha256()));
        assertThat(bundle.weights()).hasSize(PARAMETER_COUNT);
        assertThat(WeightVectors.sha256(bundle.weights())).isEqualTo(version.getWeightsSha256());
        assertThat(bundle.manifest().labels()).containsExactly("benign", "malignant");
        assertThat(bundle.manifest().schema().featureCount()).isEqualTo(30);
        assertThat(version.getInputSchemaJson())
            .isEqualTo(MlJson.mapper().writeValueAsString(bundle.manifest().schema()));
        assertProvenance(bundle.manifest().provenance(), jobId, hospitals);
        assertThat(bundle.manifest().metrics()).containsEntry("rounds", totalRounds)
            .containsEntry("validationAccuracy", last.getValidationAccuracy());

        double heldOutAccuracy = heldOutAccuracy(bundle);
        logger.info("Held-out accuracy of the federated model: {} on {} patients", heldOutAccuracy,
                DATA.heldOutLabels().size());
        assertThat(heldOutAccuracy).isGreaterThanOrEqualTo(0.94);
    }

    @Test
    void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        Hospitals hospitals = this.fixtures.createHospitals();
        UUID first = this.fixtures.submitJob(hospitals, spec(hospitals.participants(), 3, 7, "seeded-first"));
        UUID second = this.fixtures.submitJob(hospitals, spec(hospitals.participants(), 3, 7, "seeded-second"));
        UUID otherSeed = this.fixtures.submitJob(hospitals, spec(hospitals.participants(), 3, 8, "seeded-other"));

        String firstWeights = publishedWeightsSha256(first);
        String secondWeights = publishedWeightsSha256(second);
        String otherSeedWeights = publishedWeightsSha256(otherSeed);

        assertThat(secondWeights).isEqualTo(firstWeights);
        assertThat(otherSeedWeights).isNotEqualTo(firstWeights);
    }

    @Test
    void twoJobsPublishingOneModelAtOnceGetVersionsOneAndTwo() {
        Hospitals hospitals = this.fixtures.createHospitals();
        UUID first = this.fixtures.submitJob(hospitals, spec(hospitals.participants(), 2, 1, "shared"));
        UUID second = this.fixtures.submitJob(hospitals, spec(hospitals.participants(), 2, 2, "shared"));

        JobEntity firstJob = this.fixtures.awaitFinished(first);
        JobEntity secondJob = this.fixtures.awaitFinished(second);

        assertThat(List.of(firstJob.getStatus(), secondJob.getStatus())).containsOnly(JobStatus.SUCCEEDED);
        ModelEntity model = this.models.findByTenantIdAndName(hospitals.tenantId(), "shared").orElseThrow();
        List<ModelVersionEntity> published = this.versions.findByModelId(model.getId());
        assertThat(published).extracting(ModelVersionEntity::getVersion).containsExactlyInAnyOrder(1, 2);
        assertThat(published).extracting(ModelVersionEntity::getId)
            .containsExactlyInAnyOrder(firstJob.getModelVersionId(), secondJob.getModelVersionId());
        assertThat(published).extracting(ModelVersionEntity::getJobId).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void cancelledJobStopsAtARoundBoundaryAndPublishesNothing() {
        Hospitals hospitals = this.fixtures.createHospitals();
        UUID jobId = UUID.randomUUID();
        this.pacing.pauseAfterEachRound(jobId, Duration.ofMillis(500));
        this.fixtures.submitJob(jobId, hospitals, spec(hospitals.participants(), 20, 42, "cancelled"));
        this.fixtures.awaitCompletedRounds(jobId, 1);

        assertThat(this.queue.requestCancel(jobId, hospitals.tenantId())).contains(JobStatus.RUNNING);
        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.getErrorMessage()).isEqualTo("cancelled on request");
        assertThat(job.getCompletedRounds()).isBetween(1, 19);
        assertThat(job.getModelVersionId()).isNull();
        assertThat(this.rounds.findByJobIdOrderByRoundNumber(jobId)).hasSize(job.getCompletedRounds());
        assertThat(this.models.findByTenantIdAndName(hospitals.tenantId(), "cancelled")).isEmpty();
    }

    @Test
    void updateWithNaNWeightsFailsTheJobWithAClearMessage() {
        Hospitals hospitals = this.fixtures.createHospitals();
        UUID jobId = UUID.randomUUID();
        this.taskRunner.tamper(jobId, 2, "hospital-b", (weights) -> {
            float[] changed = weights.clone();
            changed[5] = Float.NaN;
            return changed;
        });
        this.fixtures.submitJob(jobId, hospitals, spec(hospitals.participants(), 3, 42, "poisoned"));

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getErrorMessage()).isEqualTo("Round 2: the update of participant \"hospital-b\" was rejected, "
                + "so the round cannot be aggregated: update from \"hospital-b\": expected finite weights, "
                + "found NaN at index 5");
        assertThat(job.getCompletedRounds()).isEqualTo(1);
        assertThat(this.models.findByTenantIdAndName(hospitals.tenantId(), "poisoned")).isEmpty();
    }

    @Test
    void updateOfTheWrongLengthFailsTheJobWithAClearMessage() {
        Hospitals hospitals = this.fixtures.createHospitals();
        UUID jobId = UUID.randomUUID();
        this.taskRunner.tamper(jobId, 1, "hospital-c", (weights) -> Arrays.copyOf(weights, weights.length - 1));
        this.fixtures.submitJob(jobId, hospitals, spec(hospitals.participants(), 2, 42, "truncated"));

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getErrorMessage()).isEqualTo("Round 1: the update of participant \"hospital-c\" was rejected, "
                + "so the round cannot be aggregated: update from \"hospital-c\": expected " + PARAMETER_COUNT
                + " weights, found " + (PARAMETER_COUNT - 1));
        assertThat(job.getCompletedRounds()).isZero();
        assertThat(this.rounds.findByJobIdOrderByRoundNumber(jobId)).isEmpty();
    }

    @Test
    void jobNamingADatasetOfAnotherTenantFailsNamingTheParticipant() {
        Hospitals hospitals = this.fixtures.createHospitals();
        Hospitals otherTenant = this.fixtures.createHospitals();
        ParticipantSpec foreign = otherTenant.participants().get(2);
        List<ParticipantSpec> participants = List.of(hospitals.participants().get(0), hospitals.participants().get(1),
                foreign);
        UUID jobId = this.fixtures.submitJob(hospitals, spec(participants, 2, 42, "foreign"));

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getErrorMessage()).isEqualTo("federation.participants[2].datasetId: expected a dataset of "
                + "the job's tenant, found none with id " + foreign.datasetId() + " (participant \"hospital-c\")");
        assertThat(job.getCompletedRounds()).isZero();
    }

    @Test
    void stoppingTheWorkerReleasesItsJobAndStartingItAgainResumesIt() {
        Hospitals hospitals = this.fixtures.createHospitals();
        UUID jobId = UUID.randomUUID();
        this.pacing.pauseAfterEachRound(jobId, Duration.ofMillis(400));
        this.fixtures.submitJob(jobId, hospitals, spec(hospitals.participants(), 4, 42, "released"));
        this.fixtures.awaitCompletedRounds(jobId, 1);
        try {
            this.poller.stop();
            JobEntity released = this.fixtures.job(jobId);
            assertThat(released.getStatus()).isEqualTo(JobStatus.QUEUED);
            assertThat(released.getLeaseOwner()).isNull();
            assertThat(released.getCompletedRounds()).isBetween(1, 3);
        }
        finally {
            this.poller.start();
        }

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).as(job.getErrorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.getAttemptCount()).isEqualTo(2);
        assertThat(this.rounds.findByJobIdOrderByRoundNumber(jobId)).extracting(JobRoundEntity::getRoundNumber)
            .containsExactly(1, 2, 3, 4);
    }

    private String publishedWeightsSha256(UUID jobId) {
        JobEntity job = this.fixtures.awaitFinished(jobId);
        assertThat(job.getStatus()).as(job.getErrorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        return this.versions.findById(job.getModelVersionId()).orElseThrow().getWeightsSha256();
    }

    private void assertRoundMetricsAddUp(JobRoundEntity round) {
        List<ParticipantMetrics> participants = MlJson.mapper()
            .readValue(round.getParticipantMetricsJson(), new TypeReference<List<ParticipantMetrics>>() {
            });
        assertThat(participants).extracting(ParticipantMetrics::participant)
            .containsExactly("hospital-a", "hospital-b", "hospital-c");
        for (int i = 0; i < 3; i++) {
            ParticipantMetrics metrics = participants.get(i);
            assertThat(metrics.exampleCount() + metrics.validationCount()).isEqualTo(DATA.hospitalRowCount(i));
            assertThat(metrics.validationCount()).isCloseTo((int) Math.round(DATA.hospitalRowCount(i) * 0.2),
                    within(1));
        }
        double examples = participants.stream().mapToDouble(ParticipantMetrics::exampleCount).sum();
        double validations = participants.stream().mapToDouble(ParticipantMetrics::validationCount).sum();
        assertThat(round.getMeanLoss()).isCloseTo(
                participants.stream().mapToDouble((p) -> p.loss() * p.exampleCount()).sum() / examples, within(1e-9));
        assertThat(round.getValidationAccuracy())
            .isCloseTo(participants.stream().mapToDouble((p) -> p.validationAccuracy() * p.validationCount()).sum()
                    / validations, within(1e-9));
    }

    @SuppressWarnings("unchecked")
    private void assertProvenance(Map<String, Object> provenance, UUID jobId, Hospitals hospitals) {
        assertThat(provenance).containsEntry("jobId", jobId.toString()).containsEntry("seed", 42);
        assertThat(provenance).containsKeys("spec", "codeVersion");
        List<Map<String, Object>> datasets = (List<Map<String, Object>>) provenance.get("datasets");
        assertThat(datasets).hasSize(3);
        for (int i = 0; i < 3; i++) {
            DatasetEntity dataset = this.datasets.findById(hospitals.participants().get(i).datasetId()).orElseThrow();
            assertThat(datasets.get(i)).containsEntry("participant", WorkerFixtures.HOSPITALS.get(i))
                .containsEntry("datasetId", dataset.getId().toString())
                .containsEntry("sha256", dataset.getArtifactSha256())
                .containsEntry("rowCount", DATA.hospitalRowCount(i));
        }
    }

    private static double heldOutAccuracy(ModelBundle bundle) {
        List<Prediction> predictions = new TabularPredictor(bundle).predictRows(DATA.heldOutFeatures());
        List<String> truth = DATA.heldOutLabels();
        long correct = IntStream.range(0, truth.size())
            .filter((i) -> predictions.get(i).label().equals(truth.get(i)))
            .count();
        return (double) correct / truth.size();
    }

    private static void logRoundTimes(List<JobRoundEntity> recorded) {
        recorded.forEach((round) -> logger.info("Round {}: {} ms, of which {} ms local training (slowest participant)",
                round.getRoundNumber(), round.getDurationMillis(), round.getTrainingMillis()));
    }

}
