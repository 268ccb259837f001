package ai.aimass.worker;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import ai.aimass.data.job.JobEntity;
import ai.aimass.data.job.JobRoundEntity;
import ai.aimass.data.job.JobRoundRepository;
import ai.aimass.data.job.JobStatus;
import ai.aimass.data.model.ModelVersionRepository;
import ai.aimass.data.test.TestDatabase;
import ai.aimass.worker.WorkerFixtures.Hospitals;
import ai.aimass.worker.queue.JobPoller;
import ai.aimass.worker.queue.WorkerIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static ai.aimass.worker.WorkerFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker process that dies or is stopped in the middle of a job: a separate worker JVM
 * runs the first rounds, then gets SIGKILL (it gives nothing back, so its lease has to
 * expire) or SIGTERM (it releases its job on the way out); either way this test's worker
 * then claims the job and finishes it from the last checkpoint.
 */
class WorkerProcessTests extends WorkerIntegrationTests {

    private static final int TOTAL_ROUNDS = 6;

    private static final int ROUNDS_BEFORE_KILL = 2;

    @Autowired
    private WorkerFixtures fixtures;

    @Autowired
    private JobPoller poller;

    @Autowired
    private WorkerIdentity identity;

    @Autowired
    private JobRoundRepository rounds;

    @Autowired
    private ModelVersionRepository versions;

    @Test
    void jobOfAKilledWorkerResumesFromItsLastCheckpointAndEndsWithExactlyItsRounds() throws Exception {
        Hospitals hospitals = this.fixtures.createHospitals();
        UUID jobId;
        int roundsOfKilledWorker;
        Instant killedAt;
        this.poller.stop();
        Process worker = null;
        try {
            jobId = this.fixtures.submitJob(hospitals, spec(hospitals.participants(), TOTAL_ROUNDS, 11, "resumed"));
            worker = startWorkerProcess();
            awaitRoundsOf(worker, jobId);
            worker.destroyForcibly();
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            killedAt = Instant.now();
            JobEntity orphaned = this.fixtures.job(jobId);
            assertThat(orphaned.getStatus()).isEqualTo(JobStatus.RUNNING);
            assertThat(orphaned.getLeaseOwner()).isNotNull().isNotEqualTo(this.identity.id());
            assertThat(orphaned.getAttemptCount()).isEqualTo(1);
            roundsOfKilledWorker = orphaned.getCompletedRounds();
            assertThat(roundsOfKilledWorker).isBetween(ROUNDS_BEFORE_KILL, TOTAL_ROUNDS - 1);
        }
        finally {
            if (worker != null) {
                worker.destroyForcibly();
            }
            this.poller.start();
        }

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).as(job.getErrorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.getAttemptCount()).isEqualTo(2);
        assertThat(job.getCompletedRounds()).isEqualTo(TOTAL_ROUNDS);
        List<JobRoundEntity> recorded = this.rounds.findByJobIdOrderByRoundNumber(jobId);
        assertThat(recorded).extracting(JobRoundEntity::getRoundNumber)
            .containsExactlyElementsOf(IntStream.rangeClosed(1, TOTAL_ROUNDS).boxed().toList());
        assertThat(recorded.subList(0, roundsOfKilledWorker))
            .allSatisfy((round) -> assertThat(round.getCompletedAt()).isBefore(killedAt));
        assertThat(recorded.subList(roundsOfKilledWorker, TOTAL_ROUNDS))
            .allSatisfy((round) -> assertThat(round.getCompletedAt()).isAfter(killedAt));

        UUID uninterrupted = this.fixtures.submitJob(hospitals,
                spec(hospitals.participants(), TOTAL_ROUNDS, 11, "uninterrupted"));
        assertThat(weightsSha256(job)).isEqualTo(weightsSha256(this.fixtures.awaitFinished(uninterrupted)));
    }

    @Test
    void terminatedWorkerReleasesItsJobForAnotherWorkerToFinish() throws Exception {
        Hospitals hospitals = this.fixtures.createHospitals();
        UUID jobId;
        this.poller.stop();
        Process worker = null;
        try {
            jobId = this.fixtures.submitJob(hospitals, spec(hospitals.participants(), 4, 12, "terminated"));
            worker = startWorkerProcess();
            awaitRoundsOf(worker, jobId);
            worker.destroy();
            assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
            JobEntity released = this.fixtures.job(jobId);
            assertThat(released.getStatus()).isEqualTo(JobStatus.QUEUED);
            assertThat(released.getLeaseOwner()).isNull();
            assertThat(released.getCompletedRounds()).isBetween(ROUNDS_BEFORE_KILL, 3);
        }
        finally {
            if (worker != null) {
                worker.destroyForcibly();
            }
            this.poller.start();
        }

        JobEntity job = this.fixtures.awaitFinished(jobId);

        assertThat(job.getStatus()).as(job.getErrorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.getAttemptCount()).isEqualTo(2);
        assertThat(this.rounds.findByJobIdOrderByRoundNumber(jobId)).extracting(JobRoundEntity::getRoundNumber)
            .containsExactly(1, 2, 3, 4);
    }

    private void awaitRoundsOf(Process worker, UUID jobId) {
        this.fixtures.await(jobId, (job) -> {
            if (!worker.isAlive()) {
                throw new AssertionError("The worker process exited with status " + worker.exitValue()
                        + " before round " + ROUNDS_BEFORE_KILL + "; see target/worker-process.log");
            }
            return job.getCompletedRounds() >= ROUNDS_BEFORE_KILL;
        }, Duration.ofMinutes(3));
    }

    private String weightsSha256(JobEntity job) {
        assertThat(job.getStatus()).as(job.getErrorMessage()).isEqualTo(JobStatus.SUCCEEDED);
        return this.versions.findById(job.getModelVersionId()).orElseThrow().getWeightsSha256();
    }

    private static Process startWorkerProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx1g", "-Daimass.test.round-pause=" + Duration.ofSeconds(1), "-cp",
                System.getProperty("java.class.path"), PausingWorkerProcess.class.getName(),
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password(), "--server.port=0",
                "--aimass.worker.poll-interval=100ms", "--aimass.worker.lease=2s");
        File log = new File("target/worker-process.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

}
