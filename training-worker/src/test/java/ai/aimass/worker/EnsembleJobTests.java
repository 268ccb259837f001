package ai.aimass.worker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.job.JobEntity;
import ai.aimass.data.job.JobQueue;
import ai.aimass.data.job.JobRoundEntity;
import ai.aimass.data.job.JobRoundRepository;
import ai.aimass.data.job.JobStatus;
import ai.aimass.data.model.ModelVersionEntity;
import ai.aimass.data.model.ModelVersionRepository;
import ai.aimass.dl4j.bundle.ModelBundles;
import ai.aimass.dl4j.predict.ModelPredictor;
import ai.aimass.dl4j.predict.Prediction;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.JobSpec;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.MemberTraining;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.spec.ParticipantSpec;
import ai.aimass.ml.spec.PublishSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.worker.WorkerFixtures.Hospitals;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static ai.aimass.worker.WorkerFixtures.DATA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ensemble jobs from claim to published version, on the breast cancer data of three
 * hospitals: one step per member, a bundle that holds every member and explains its
 * votes, provenance per member, and seeds that reproduce the ensemble.
 */
class EnsembleJobTests extends WorkerIntegrationTests {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private static final MemberSpec LOGISTIC = new MemberSpec(MemberSpec.TYPE_LOGISTIC, null, null, null, null, null);

    private static final MemberSpec TREE = new MemberSpec(MemberSpec.TYPE_TREE, null, 4, 2, null, null);

    @Autowired
    private WorkerFixtures fixtures;

    @Autowired
    private JobRoundRepository rounds;

    @Autowired
    private ModelVersionRepository versions;

    @Autowired
    private ArtifactStore artifacts;

    @Autowired
    private JobQueue queue;

    @Autowired
    private JdbcTemplate jdbc;

    private TransactionTemplate transaction;

    @Autowired
    void transactions(PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Test
    void federatedVotingTrainsEveryKindInsideEachHospitalAndExplainsItsVotes() {
        Hospitals hospitals = this.fixtures.createHospitals();
        EnsembleSpec voting = new EnsembleSpec(EnsembleSpec.METHOD_VOTING, null, hospitals.participants(),
                List.of(LOGISTIC, TREE), null, null, null, EnsembleSpec.VOTING_SOFT, null, null);
        UUID jobId = this.fixtures.submitJob(hospitals, spec(voting, 42, "voting"));

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).as(job.getErrorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.getCompletedRounds()).isEqualTo(6);
        List<JobRoundEntity> steps = this.rounds.findByJobIdOrderByRoundNumber(jobId);
        assertThat(steps).extracting(JobRoundEntity::getRoundNumber).containsExactly(1, 2, 3, 4, 5, 6);
        List<Map<String, Object>> members = steps.stream()
            .map((step) -> MlJson.mapper().readValue(step.getMemberJson(), JSON_OBJECT))
            .toList();
        assertThat(members).extracting((member) -> member.get("index")).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(members).extracting((member) -> member.get("participant"))
            .containsOnly("hospital-a", "hospital-b", "hospital-c");
        for (JobRoundEntity step : steps) {
            boolean tree = MlJson.mapper().readValue(step.getMemberJson(), JSON_OBJECT).get("type").equals("tree");
            assertThat(step.getMeanLoss() == null).as("a tree has no training loss").isEqualTo(tree);
            assertThat(step.getValidationAccuracy()).isBetween(0.5, 1.0);
        }

        ModelVersionEntity version = this.versions.findById(job.getModelVersionId()).orElseThrow();
        ModelPredictor predictor = ModelBundles
            .readPredictor(this.artifacts.get(hospitals.tenantId(), version.getBundleSha256()));
        List<Prediction> predictions = predictor.predictRows(DATA.heldOutFeatures(), true);
        long correct = IntStream.range(0, predictions.size())
            .filter((row) -> predictions.get(row).label().equals(DATA.heldOutLabels().get(row)))
            .count();
        assertThat((double) correct / predictions.size()).as("held-out accuracy").isGreaterThanOrEqualTo(0.9);
        Prediction first = predictions.get(0);
        assertThat(first.members()).hasSize(6);
        assertThat(first.members().stream().map((vote) -> vote.participant()).collect(Collectors.toSet()))
            .isEqualTo(Set.of("hospital-a", "hospital-b", "hospital-c"));
        assertThat(first.members().stream().map((vote) -> vote.type()).collect(Collectors.toSet()))
            .isEqualTo(Set.of("logistic", "tree"));

        Map<String, Object> provenance = MlJson.mapper().readValue(version.getProvenanceJson(), JSON_OBJECT);
        List<?> memberProvenance = (List<?>) provenance.get("members");
        assertThat(memberProvenance).hasSize(6);
        Map<?, ?> firstMember = (Map<?, ?>) memberProvenance.get(0);
        assertThat(firstMember.get("seed")).isNotNull();
        assertThat(firstMember.get("datasetId"))
            .isIn(hospitals.participants().stream().map((participant) -> participant.datasetId().toString()).toList());
        assertThat(((Map<?, ?>) firstMember.get("spec")).get("type")).isIn("logistic", "tree");
    }

    @Test
    void centralisedBaggingIsReproducedBySeedAndStoresItsOutOfBagEstimate() {
        Hospitals hospitals = this.fixtures.createHospitals();
        ParticipantSpec hospitalA = hospitals.participants().get(0);
        EnsembleSpec bagging = new EnsembleSpec(EnsembleSpec.METHOD_BAGGING, hospitalA.datasetId(), null,
                List.of(LOGISTIC, TREE), 4, 0.8, null, null, null, null);
        UUID first = this.fixtures.submitJob(hospitals, spec(bagging, 7, "bagging-first"));
        UUID second = this.fixtures.submitJob(hospitals, spec(bagging, 7, "bagging-second"));
        UUID otherSeed = this.fixtures.submitJob(hospitals, spec(bagging, 8, "bagging-other"));

        ModelVersionEntity firstVersion = published(first);
        ModelVersionEntity secondVersion = published(second);
        ModelVersionEntity otherVersion = published(otherSeed);

        assertThat(secondVersion.getWeightsSha256()).isEqualTo(firstVersion.getWeightsSha256());
        assertThat(otherVersion.getWeightsSha256()).isNotEqualTo(firstVersion.getWeightsSha256());
        Map<String, Object> metrics = MlJson.mapper().readValue(firstVersion.getMetricsJson(), JSON_OBJECT);
        assertThat(((Number) metrics.get("oobAccuracy")).doubleValue()).isBetween(0.8, 1.0);
        assertThat(((Number) metrics.get("validationAccuracy")).doubleValue()).isBetween(0.8, 1.0);
    }

    @Test
    void aMemberWhoseTrainingDivergesFailsTheJobNamingItAndPublishesNothing() {
        Hospitals hospitals = this.fixtures.createHospitals();
        MemberSpec diverging = new MemberSpec(MemberSpec.TYPE_MLP, List.of(new LayerSpec(64, "relu")), null, null, null,
                new MemberTraining(300, 8, 10.0, "sgd"));
        EnsembleSpec voting = new EnsembleSpec(EnsembleSpec.METHOD_VOTING, hospitals.participants().get(0).datasetId(),
                null, List.of(TREE, diverging), null, null, null, null, null, null);
        UUID jobId = this.fixtures.submitJob(hospitals, spec(voting, 3, "diverging"));

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).isEqualTo(JobStatus.FAILED);
        assertThat(job.getErrorMessage())
            .startsWith("The ensemble could not be trained: member 1 (mlp): training " + "diverged");
        assertThat(job.getModelVersionId()).isNull();
        assertThat(this.versions.findAll()).noneMatch((version) -> jobId.equals(version.getJobId()));
    }

    @Test
    void aJobClaimedAgainTrainsEveryMemberAgainAndRecordsOnlyTheStepsNotYetRecorded() {
        Hospitals hospitals = this.fixtures.createHospitals();
        EnsembleSpec voting = new EnsembleSpec(EnsembleSpec.METHOD_VOTING, hospitals.participants().get(1).datasetId(),
                null, List.of(LOGISTIC, TREE, LOGISTIC), null, null, null, EnsembleSpec.VOTING_HARD, null, null);
        ModelVersionEntity uninterrupted = published(this.fixtures.submitJob(hospitals, spec(voting, 5, "whole")));
        // As an attempt that died after its second member leaves the job: two steps
        // recorded,
        // the job back in the queue. Written in one transaction, so that no worker claims
        // it
        // half written.
        UUID resumed = UUID.randomUUID();
        this.transaction.executeWithoutResult((status) -> {
            this.fixtures.submitJob(resumed, hospitals, spec(voting, 5, "resumed"));
            this.jdbc.update("UPDATE jobs SET completed_rounds = 2, attempt_count = 1 WHERE id = ?", resumed);
            for (int step = 1; step <= 2; step++) {
                this.jdbc.update(
                        "INSERT INTO job_rounds (job_id, round_number, participants_answered, "
                                + "participants_asked, mean_loss, validation_accuracy, participant_metrics_json, "
                                + "duration_millis, training_millis, completed_at, member_json) "
                                + "VALUES (?, ?, 1, 1, NULL, 0.9, '[]', 10, 10, now(), '{\"index\":9}')",
                        resumed, step);
            }
        });

        ModelVersionEntity again = published(resumed);

        assertThat(again.getWeightsSha256()).isEqualTo(uninterrupted.getWeightsSha256());
        List<JobRoundEntity> steps = this.rounds.findByJobIdOrderByRoundNumber(resumed);
        assertThat(steps).extracting(JobRoundEntity::getRoundNumber).containsExactly(1, 2, 3);
        assertThat(steps.get(0).getMemberJson()).as("the earlier attempt's step is kept").isEqualTo("{\"index\":9}");
        assertThat(steps.get(2).getMemberJson()).contains("\"seed\"");
        assertThat(this.fixtures.job(resumed).getAttemptCount()).isEqualTo(2);
    }

    @Test
    void aCancelledEnsembleStopsBetweenMembersAndPublishesNothing() {
        Hospitals hospitals = this.fixtures.createHospitals();
        MemberSpec slow = new MemberSpec(MemberSpec.TYPE_MLP, List.of(new LayerSpec(32, "relu")), null, null, null,
                new MemberTraining(40, 8, null, null));
        EnsembleSpec bagging = new EnsembleSpec(EnsembleSpec.METHOD_BAGGING,
                hospitals.participants().get(0).datasetId(), null, List.of(slow), 40, null, null, null, null, null);
        UUID jobId = this.fixtures.submitJob(hospitals, spec(bagging, 3, "cancelled-ensemble"));
        this.fixtures.awaitCompletedRounds(jobId, 1);

        assertThat(this.queue.requestCancel(jobId, hospitals.tenantId())).contains(JobStatus.RUNNING);
        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.getErrorMessage()).isEqualTo("cancelled on request");
        assertThat(job.getModelVersionId()).isNull();
        assertThat(job.getCompletedRounds()).isBetween(1, 39);
    }

    @Test
    void aCancelStopsAMemberInTheMiddleOfItsTraining() {
        Hospitals hospitals = this.fixtures.createHospitals();
        // Hundreds of thousands of single-row steps: minutes of training, were it not
        // cancelled.
        MemberSpec endless = new MemberSpec(MemberSpec.TYPE_MLP, List.of(new LayerSpec(64, "relu")), null, null, null,
                new MemberTraining(1000, 1, null, null));
        EnsembleSpec voting = new EnsembleSpec(EnsembleSpec.METHOD_VOTING, hospitals.participants().get(0).datasetId(),
                null, List.of(endless), null, null, null, null, null, null);
        UUID jobId = this.fixtures.submitJob(hospitals, spec(voting, 3, "cancelled-mid-member"));
        this.fixtures.await(jobId, (job) -> job.getStatus() == JobStatus.RUNNING, Duration.ofMinutes(1));

        assertThat(this.queue.requestCancel(jobId, hospitals.tenantId())).contains(JobStatus.RUNNING);
        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.getErrorMessage()).isEqualTo("cancelled on request");
        assertThat(job.getCompletedRounds()).isZero();
        assertThat(job.getModelVersionId()).isNull();
    }

    private ModelVersionEntity published(UUID jobId) {
        JobEntity job = this.fixtures.awaitFinished(jobId);
        assertThat(job.getStatus()).as(job.getErrorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        return this.versions.findById(job.getModelVersionId()).orElseThrow();
    }

    private static JobSpec spec(EnsembleSpec ensemble, long seed, String modelName) {
        return new JobSpec(JobSpec.KIND_ENSEMBLE, null, new TrainingSpec(5, 32, 0.01, "adam", seed, 0.2), null,
                new PublishSpec(modelName, "production"), ensemble, null);
    }

}
