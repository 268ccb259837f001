package ai.aimass.api.job;

import java.time.Instant;
import java.util.UUID;

import ai.aimass.data.job.JobStatus;

/**
 * The data of a {@code status} event of a job's event stream: the job's progress without
 * its spec.
 *
 * @param id the job id
 * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or
 * {@code CANCELLED}
 * @param roundsCompleted rounds aggregated so far
 * @param totalRounds rounds asked for
 * @param cancelRequested whether a cancel was asked for
 * @param errorMessage why the job failed or stopped, or null
 * @param modelVersion the model version the job published, once it succeeded
 * @param startedAt when a worker first claimed it, or null
 * @param finishedAt when it ended, or null
 */
record JobStatusEvent(UUID id, JobStatus status, int roundsCompleted, int totalRounds, boolean cancelRequested,
        String errorMessage, JobView.PublishedVersion modelVersion, Instant startedAt, Instant finishedAt) {
}
