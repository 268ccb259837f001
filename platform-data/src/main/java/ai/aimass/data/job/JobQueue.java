package ai.aimass.data.job;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ai.aimass.data.artifact.ArtifactStore;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue of training jobs, shared by every worker replica through PostgreSQL.
 * <p>
 * A worker claims a job with {@code FOR UPDATE SKIP LOCKED}, so that two workers never
 * take the same one, and holds it with a lease that it renews by {@link #heartbeat}. A
 * job whose lease expired (its worker died) is claimable again and resumes from its last
 * recorded round. Every write by a worker names the worker and succeeds only while it
 * still holds the lease, so a worker that lost its job cannot overwrite the progress of
 * the one that took it over.
 */
public class JobQueue {

    /** The accelerator of a worker with a GPU. */
    public static final String ACCELERATOR_GPU = "gpu";

    /** The accelerator of a worker without one. */
    public static final String ACCELERATOR_CPU = "cpu";

    private final JdbcTemplate jdbc;

    private final ArtifactStore artifacts;

    public JobQueue(JdbcTemplate jdbc, ArtifactStore artifacts) {
        this.jdbc = jdbc;
        this.artifacts = artifacts;
    }

    /**
     * Claims the oldest queued job of one of the given kinds, or one whose lease has
     * expired.
     * @param workerId the claiming worker, recorded as the lease owner
     * @param lease how long the claim holds without a heartbeat
     * @param kinds the job kinds this worker can run
     * @return the claimed job, or empty when none is waiting; a job that asks for a GPU
     * is left to a worker that has one
     */
    @Transactional
    public Optional<ClaimedJob> claimNext(String workerId, Duration lease, List<String> kinds) {
        return claimNext(workerId, lease, kinds, ACCELERATOR_CPU);
    }

    /**
     * Claims the oldest claimable job of the given kinds that asks for the worker's
     * accelerator or for any, as {@link #claimNext(String, Duration, List)} does.
     * @param workerId the claiming worker
     * @param lease how long the claim holds without a heartbeat
     * @param kinds the job kinds the worker runs
     * @param accelerator the worker's accelerator, {@code gpu} or {@code cpu}
     * @return the claimed job, or empty when none is claimable
     */
    @Transactional
    public Optional<ClaimedJob> claimNext(String workerId, Duration lease, List<String> kinds, String accelerator) {
        if (!ACCELERATOR_GPU.equals(accelerator) && !ACCELERATOR_CPU.equals(accelerator)) {
            throw new IllegalArgumentException("accelerator: expected gpu or cpu, found " + accelerator);
        }
        cancelAbandoned(kinds);
        List<ClaimedJob> claimed = this.jdbc.query("""
                WITH next AS (
                    SELECT id FROM jobs
                    WHERE kind = ANY (?)
                      AND accelerator IN ('any', ?)
                      AND (status = 'QUEUED' OR (status = 'RUNNING' AND lease_expires_at < now()))
                      AND NOT cancel_requested
                    ORDER BY created_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                UPDATE jobs j SET status = 'RUNNING', lease_owner = ?,
                    lease_expires_at = now() + make_interval(secs => ?),
                    attempt_count = j.attempt_count + 1, started_at = COALESCE(j.started_at, now())
                FROM next WHERE j.id = next.id
                RETURNING j.id, j.tenant_id, j.kind, j.spec_json, j.total_rounds, j.completed_rounds,
                    j.checkpoint_sha256, j.attempt_count
                """,
                (rs, row) -> new ClaimedJob(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getString("kind"), rs.getString("spec_json"), rs.getInt("total_rounds"),
                        rs.getInt("completed_rounds"), rs.getString("checkpoint_sha256"), rs.getInt("attempt_count")),
                kinds.toArray(String[]::new), accelerator, workerId, seconds(lease));
        return claimed.stream().findFirst();
    }

    /**
     * Ends the jobs whose cancel was asked for while they ran and whose worker then died:
     * no worker claims a job that is to be cancelled, so without this such a job would
     * stay RUNNING for ever.
     */
    private void cancelAbandoned(List<String> kinds) {
        record Checkpoint(UUID tenantId, String sha256) {
        }
        List<Checkpoint> ended = this.jdbc.query("""
                WITH abandoned AS (
                    SELECT id, tenant_id, checkpoint_sha256 FROM jobs
                    WHERE kind = ANY (?) AND status = 'RUNNING' AND cancel_requested AND lease_expires_at < now()
                    FOR UPDATE SKIP LOCKED)
                UPDATE jobs j SET status = 'CANCELLED', error_message = 'cancelled on request', finished_at = now(),
                    lease_owner = NULL, lease_expires_at = NULL, checkpoint_sha256 = NULL
                FROM abandoned WHERE j.id = abandoned.id
                RETURNING abandoned.tenant_id, abandoned.checkpoint_sha256
                """, (rs, row) -> new Checkpoint(rs.getObject(1, UUID.class), rs.getString(2)),
                (Object) kinds.toArray(String[]::new));
        for (Checkpoint checkpoint : ended) {
            if (checkpoint.sha256() != null) {
                this.artifacts.release(checkpoint.tenantId(), checkpoint.sha256());
            }
        }
    }

    /**
     * Renews the lease and tells the worker whether to go on.
     * @return {@link LeaseState#LOST} when another worker owns the job or it is no longer
     * running, {@link LeaseState#CANCEL_REQUESTED} when a user asked to cancel it
     */
    public LeaseState heartbeat(UUID jobId, String workerId, Duration lease) {
        List<Boolean> cancel = this.jdbc.query("""
                UPDATE jobs SET lease_expires_at = now() + make_interval(secs => ?)
                WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'
                RETURNING cancel_requested
                """, (rs, row) -> rs.getBoolean(1), seconds(lease), jobId, workerId);
        if (cancel.isEmpty()) {
            return LeaseState.LOST;
        }
        return cancel.get(0) ? LeaseState.CANCEL_REQUESTED : LeaseState.HELD;
    }

    /**
     * Records an aggregated round and its checkpoint in one transaction.
     * @throws LeaseLostException when the worker no longer holds the job, or the round is
     * not the next one
     */
    @Transactional
    public void recordRound(String workerId, JobRoundEntity round, String checkpointSha256) {
        int updated = this.jdbc.update("""
                UPDATE jobs SET completed_rounds = ?, checkpoint_sha256 = ?
                WHERE id = ? AND lease_owner = ? AND status = 'RUNNING' AND completed_rounds = ?
                """, round.getRoundNumber(), checkpointSha256, round.getJobId(), workerId, round.getRoundNumber() - 1);
        if (updated == 0) {
            throw new LeaseLostException(round.getJobId(), workerId);
        }
        this.jdbc.update("""
                INSERT INTO job_rounds (job_id, round_number, participants_answered, participants_asked, mean_loss,
                    validation_accuracy, participant_metrics_json, duration_millis, training_millis, completed_at,
                    member_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, round.getJobId(), round.getRoundNumber(), round.getParticipantsAnswered(),
                round.getParticipantsAsked(), round.getMeanLoss(), round.getValidationAccuracy(),
                round.getParticipantMetricsJson(), round.getDurationMillis(), round.getTrainingMillis(),
                java.sql.Timestamp.from(round.getCompletedAt()), round.getMemberJson());
    }

    /**
     * Gives a job back to the queue, as on shutdown, so that another worker resumes it.
     */
    public boolean release(UUID jobId, String workerId) {
        return this.jdbc.update("""
                UPDATE jobs SET status = 'QUEUED', lease_owner = NULL, lease_expires_at = NULL
                WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'
                """, jobId, workerId) == 1;
    }

    /**
     * Ends a job's count of steps at the steps it recorded, for a job that finished in
     * fewer steps than it planned (an AdaBoost ensemble that stopped early).
     * @throws LeaseLostException when the worker no longer holds the job
     */
    public void endStepsAtCompleted(UUID jobId, String workerId) {
        int updated = this.jdbc.update("""
                UPDATE jobs SET total_rounds = completed_rounds
                WHERE id = ? AND lease_owner = ? AND status = 'RUNNING' AND completed_rounds > 0
                """, jobId, workerId);
        if (updated == 0) {
            throw new LeaseLostException(jobId, workerId);
        }
    }

    /** Marks a job done with the model version it published. */
    @Transactional
    public void succeed(UUID jobId, String workerId, UUID modelVersionId) {
        finish(jobId, workerId, JobStatus.SUCCEEDED, null, modelVersionId);
    }

    /** Marks a job failed with a message for its owner (never a stack trace). */
    @Transactional
    public void fail(UUID jobId, String workerId, String message) {
        finish(jobId, workerId, JobStatus.FAILED, message, null);
    }

    /** Marks a job cancelled after its worker stopped at a round boundary. */
    @Transactional
    public void cancel(UUID jobId, String workerId) {
        finish(jobId, workerId, JobStatus.CANCELLED, "cancelled on request", null);
    }

    /**
     * Asks for a job to stop: a queued job is cancelled at once, a running one by its
     * worker at the next heartbeat or round boundary.
     * @return the job's status after the request, or empty when the tenant has no such
     * job
     */
    @Transactional
    public Optional<JobStatus> requestCancel(UUID jobId, UUID tenantId) {
        this.jdbc.update("""
                UPDATE jobs SET cancel_requested = TRUE,
                    status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END,
                    finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END,
                    error_message = CASE WHEN status = 'QUEUED' THEN 'cancelled on request' ELSE error_message END
                WHERE id = ? AND tenant_id = ? AND status IN ('QUEUED', 'RUNNING')
                """, jobId, tenantId);
        return this.jdbc
            .query("SELECT status FROM jobs WHERE id = ? AND tenant_id = ?",
                    (rs, row) -> JobStatus.valueOf(rs.getString(1)), jobId, tenantId)
            .stream()
            .findFirst();
    }

    /**
     * Ends a job and drops its checkpoint: a finished job is never resumed, so its last
     * global weights would only hold storage (the published bundle has its own copy).
     */
    private void finish(UUID jobId, String workerId, JobStatus status, String message, UUID modelVersionId) {
        record Checkpoint(UUID tenantId, String sha256) {
        }
        List<Checkpoint> ended = this.jdbc.query("""
                WITH held AS (
                    SELECT id, tenant_id, checkpoint_sha256 FROM jobs
                    WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'
                    FOR UPDATE)
                UPDATE jobs j SET status = ?, error_message = ?, model_version_id = ?, finished_at = now(),
                    lease_owner = NULL, lease_expires_at = NULL, checkpoint_sha256 = NULL
                FROM held WHERE j.id = held.id
                RETURNING held.tenant_id, held.checkpoint_sha256
                """, (rs, row) -> new Checkpoint(rs.getObject(1, UUID.class), rs.getString(2)), jobId, workerId,
                status.name(), message, modelVersionId);
        if (ended.isEmpty()) {
            throw new LeaseLostException(jobId, workerId);
        }
        Checkpoint checkpoint = ended.get(0);
        if (checkpoint.sha256() != null) {
            this.artifacts.release(checkpoint.tenantId(), checkpoint.sha256());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** What a worker learns when it claims a job, enough to start or resume it. */
    public record ClaimedJob(UUID id, UUID tenantId, String kind, String specJson, int totalRounds, int completedRounds,
            String checkpointSha256, int attempt) {
    }

    /** The answer to a heartbeat. */
    public enum LeaseState {

        HELD, CANCEL_REQUESTED, LOST

    }

}
