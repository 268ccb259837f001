package ai.aimass.data.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.aimass.data.DataFixtures;
import ai.aimass.data.artifact.ArtifactNotFoundException;
import ai.aimass.data.artifact.ArtifactStore;
import ai.aimass.data.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class JobQueueTests {

    private static final Duration LEASE = Duration.ofSeconds(30);

    // Each test uses a kind of its own, so that jobs left by other tests are never
    // claimed here.
    private String kind;

    @Autowired
    private JobQueue queue;

    @Autowired
    private JobRepository jobs;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ArtifactStore artifacts;

    @Autowired
    private DataFixtures fixtures;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.registerProperties(registry);
    }

    @BeforeEach
    void useFreshKind() {
        this.kind = "t" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void claimsOldestQueuedJobAndMarksItRunning() {
        JobEntity first = this.fixtures.queuedJob(this.kind, 3);
        this.fixtures.queuedJob(this.kind, 3);

        Optional<JobQueue.ClaimedJob> claimed = this.queue.claimNext("worker-a", LEASE, List.of(this.kind));

        assertThat(claimed).map(JobQueue.ClaimedJob::id).contains(first.getId());
        JobEntity stored = this.jobs.findById(first.getId()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(stored.getLeaseOwner()).isEqualTo("worker-a");
        assertThat(stored.getAttemptCount()).isEqualTo(1);
    }

    @Test
    void concurrentWorkersNeverClaimTheSameJob() throws Exception {
        int jobCount = 12;
        for (int i = 0; i < jobCount; i++) {
            this.fixtures.queuedJob(this.kind, 1);
        }
        Set<UUID> claimedIds = ConcurrentHashMap.newKeySet();
        List<UUID> allClaims = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String workerId = "worker-" + w;
            workers.add(pool.submit(() -> {
                start.await();
                Optional<JobQueue.ClaimedJob> job;
                while ((job = this.queue.claimNext(workerId, LEASE, List.of(this.kind))).isPresent()) {
                    claimedIds.add(job.get().id());
                    allClaims.add(job.get().id());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(allClaims).hasSize(jobCount);
        assertThat(claimedIds).hasSize(jobCount);
    }

    @Test
    void aWorkerClaimsOnlyJobsThatAskForItsAcceleratorOrForAny() {
        JobEntity gpuJob = this.fixtures.queuedJob(this.kind, 1, "gpu");
        JobEntity cpuJob = this.fixtures.queuedJob(this.kind, 1, "cpu");
        JobEntity anyJob = this.fixtures.queuedJob(this.kind, 1, "any");

        // Oldest first, skipping what the worker cannot run.
        assertThat(this.queue.claimNext("cpu-worker", LEASE, List.of(this.kind), "cpu")).map(JobQueue.ClaimedJob::id)
            .contains(cpuJob.getId());
        assertThat(this.queue.claimNext("cpu-worker", LEASE, List.of(this.kind), "cpu")).map(JobQueue.ClaimedJob::id)
            .contains(anyJob.getId());
        assertThat(this.queue.claimNext("cpu-worker", LEASE, List.of(this.kind), "cpu")).isEmpty();
        assertThat(this.jobs.findById(gpuJob.getId()).orElseThrow().getStatus()).isEqualTo(JobStatus.QUEUED);

        assertThat(this.queue.claimNext("gpu-worker", LEASE, List.of(this.kind), "gpu")).map(JobQueue.ClaimedJob::id)
            .contains(gpuJob.getId());
        JobEntity another = this.fixtures.queuedJob(this.kind, 1, "cpu");
        assertThat(this.queue.claimNext("gpu-worker", LEASE, List.of(this.kind), "gpu")).isEmpty();
        assertThat(this.queue.claimNext("worker-without-gpu", LEASE, List.of(this.kind))).map(JobQueue.ClaimedJob::id)
            .contains(another.getId());
    }

    @Test
    void jobWithExpiredLeaseIsClaimedAgainWithItsProgress() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 5);
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();
        this.queue.recordRound("worker-a", round(job.getId(), 1), "a".repeat(64));
        expireLease(job.getId());

        JobQueue.ClaimedJob resumed = this.queue.claimNext("worker-b", LEASE, List.of(this.kind)).orElseThrow();

        assertThat(resumed.id()).isEqualTo(job.getId());
        assertThat(resumed.completedRounds()).isEqualTo(1);
        assertThat(resumed.checkpointSha256()).isEqualTo("a".repeat(64));
        assertThat(resumed.attempt()).isEqualTo(2);
    }

    @Test
    void workerThatLostItsLeaseCannotRecordRoundsOrFinish() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 5);
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();
        expireLease(job.getId());
        this.queue.claimNext("worker-b", LEASE, List.of(this.kind)).orElseThrow();

        assertThatExceptionOfType(LeaseLostException.class)
            .isThrownBy(() -> this.queue.recordRound("worker-a", round(job.getId(), 1), "b".repeat(64)))
            .withMessageContaining("worker-a");
        assertThatExceptionOfType(LeaseLostException.class)
            .isThrownBy(() -> this.queue.succeed(job.getId(), "worker-a", UUID.randomUUID()));
        assertThat(this.queue.heartbeat(job.getId(), "worker-a", LEASE)).isEqualTo(JobQueue.LeaseState.LOST);
        assertThat(this.queue.heartbeat(job.getId(), "worker-b", LEASE)).isEqualTo(JobQueue.LeaseState.HELD);
        assertThat(this.jobs.findById(job.getId()).orElseThrow().getCompletedRounds()).isZero();
    }

    @Test
    void aStepWithoutLossRecordsTheMemberItTrained() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 3);
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();
        this.queue.recordRound("worker-a", new JobRoundEntity(job.getId(), 1, 1, 1, null, 0.75, "[]", 12, 10,
                Instant.now(), "{\"index\":0,\"type\":\"tree\"}"), null);

        JobRoundEntity stored = this.jdbc.queryForObject(
                "SELECT mean_loss IS NULL AS no_loss, member_json FROM job_rounds WHERE job_id = ?",
                (row, number) -> new JobRoundEntity(job.getId(), 1, 1, 1, row.getBoolean(1) ? null : 0.0, 0.75, "[]",
                        12, 10, Instant.now(), row.getString(2)),
                job.getId());
        assertThat(stored.getMeanLoss()).isNull();
        assertThat(stored.getMemberJson()).isEqualTo("{\"index\":0,\"type\":\"tree\"}");
        assertThat(this.jobs.findById(job.getId()).orElseThrow().getCheckpointSha256()).isNull();
    }

    @Test
    void aJobThatStopsEarlyEndsItsStepsAtThoseRecorded() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 5);
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();
        this.queue.recordRound("worker-a", round(job.getId(), 1), null);
        this.queue.recordRound("worker-a", round(job.getId(), 2), null);

        assertThatExceptionOfType(LeaseLostException.class)
            .isThrownBy(() -> this.queue.endStepsAtCompleted(job.getId(), "worker-b"));
        this.queue.endStepsAtCompleted(job.getId(), "worker-a");

        JobEntity stored = this.jobs.findById(job.getId()).orElseThrow();
        assertThat(stored.getTotalRounds()).isEqualTo(2);
        assertThat(stored.getCompletedRounds()).isEqualTo(2);
    }

    @Test
    void aJobWhoseWorkerDiedAfterItsCancelWasAskedEndsCancelledAtTheNextClaim() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 5);
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();
        String checkpoint = this.artifacts
            .put(job.getTenantId(), UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), "test/bytes")
            .sha256();
        this.queue.recordRound("worker-a", round(job.getId(), 1), checkpoint);
        assertThat(this.queue.requestCancel(job.getId(), job.getTenantId())).contains(JobStatus.RUNNING);
        // worker-a dies: its lease runs out without a heartbeat.
        this.jdbc.update("UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE id = ?", job.getId());

        assertThat(this.queue.claimNext("worker-b", LEASE, List.of(this.kind))).isEmpty();

        JobEntity stored = this.jobs.findById(job.getId()).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(JobStatus.CANCELLED);
        assertThat(stored.getErrorMessage()).isEqualTo("cancelled on request");
        assertThat(stored.getLeaseOwner()).isNull();
        assertThat(stored.getCheckpointSha256()).isNull();
        assertThat(stored.getFinishedAt()).isNotNull();
        assertThat(this.jdbc.queryForObject("SELECT count(*) FROM artifacts WHERE tenant_id = ? AND sha256 = ?",
                Long.class, job.getTenantId(), checkpoint))
            .as("the checkpoint is released")
            .isZero();
    }

    @Test
    void roundsMustBeRecordedInOrder() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 5);
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();

        assertThatExceptionOfType(LeaseLostException.class)
            .isThrownBy(() -> this.queue.recordRound("worker-a", round(job.getId(), 2), "c".repeat(64)));
        this.queue.recordRound("worker-a", round(job.getId(), 1), "c".repeat(64));

        assertThat(this.jobs.findById(job.getId()).orElseThrow().getCompletedRounds()).isEqualTo(1);
    }

    @Test
    void cancellingQueuedJobEndsItAtOnceAndRunningJobAtNextHeartbeat() {
        JobEntity queued = this.fixtures.queuedJob(this.kind, 2);
        assertThat(this.queue.requestCancel(queued.getId(), queued.getTenantId())).contains(JobStatus.CANCELLED);
        assertThat(this.queue.claimNext("worker-a", LEASE, List.of(this.kind))).isEmpty();

        JobEntity running = this.fixtures.queuedJob(this.kind, 2);
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();
        assertThat(this.queue.requestCancel(running.getId(), running.getTenantId())).contains(JobStatus.RUNNING);
        assertThat(this.queue.heartbeat(running.getId(), "worker-a", LEASE))
            .isEqualTo(JobQueue.LeaseState.CANCEL_REQUESTED);
        this.queue.cancel(running.getId(), "worker-a");
        assertThat(this.jobs.findById(running.getId()).orElseThrow().getStatus()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void cancelOfAnotherTenantsJobFindsNothingAndChangesNothing() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 2);

        assertThat(this.queue.requestCancel(job.getId(), UUID.randomUUID())).isEmpty();
        assertThat(this.jobs.findById(job.getId()).orElseThrow().getStatus()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void releasedJobReturnsToTheQueue() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 2);
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();

        assertThat(this.queue.release(job.getId(), "worker-a")).isTrue();

        assertThat(this.queue.claimNext("worker-b", LEASE, List.of(this.kind))).map(JobQueue.ClaimedJob::id)
            .contains(job.getId());
    }

    @Test
    void finishingJobDropsItsCheckpoint() {
        JobEntity job = this.fixtures.queuedJob(this.kind, 2);
        String checkpoint = this.artifacts.put(job.getTenantId(), new byte[] { 1, 2, 3, 4 }, "test/weights").sha256();
        this.queue.claimNext("worker-a", LEASE, List.of(this.kind)).orElseThrow();
        this.queue.recordRound("worker-a", round(job.getId(), 1), checkpoint);

        this.queue.fail(job.getId(), "worker-a", "stopped for the test");

        assertThat(this.jobs.findById(job.getId()).orElseThrow().getCheckpointSha256()).isNull();
        assertThat(this.jobs.findById(job.getId()).orElseThrow().getCompletedRounds()).isEqualTo(1);
        assertThatExceptionOfType(ArtifactNotFoundException.class)
            .isThrownBy(() -> this.artifacts.get(job.getTenantId(), checkpoint));
    }

    private void expireLease(UUID jobId) {
        this.jdbc.update("UPDATE jobs SET lease_expires_at = now() - interval '1 second' WHERE id = ?", jobId);
    }

    private static JobRoundEntity round(UUID jobId, int number) {
        return new JobRoundEntity(jobId, number, 3, 3, 0.5, 0.9, "[]", 10, 8, Instant.now());
    }

}
