package ai.aimass.api.job;

import java.time.Instant;
import java.util.UUID;

import ai.aimass.data.job.JobStatus;
import ai.aimass.ml.spec.JobSpec;

/**
 * A job as the API shows it.
 *
 * @param id the job id
 * @param kind the job kind, {@code federated}
 * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or
 * {@code CANCELLED}
 * @param roundsCompleted rounds aggregated so far
 * @param totalRounds rounds asked for
 * @param cancelRequested whether a cancel was asked for; a running job stops at its next
 * heartbeat or round boundary
 * @param errorMessage why the job failed or stopped, or null
 * @param modelVersion the model version the job published, once it succeeded
 * @param createdAt when it was submitted
 * @param startedAt when a worker first claimed it, or null
 * @param finishedAt when it ended, or null
 * @param spec the complete spec the worker runs, defaults applied
 */
record JobView(UUID id, String kind, JobStatus status, int roundsCompleted, int totalRounds, boolean cancelRequested,
        String errorMessage, PublishedVersion modelVersion, Instant createdAt, Instant startedAt, Instant finishedAt,
        JobSpec spec) {

    /**
     * The model version that a job published.
     *
     * @param id the version id
     * @param modelName the model name
     * @param version the version number
     */
    record PublishedVersion(UUID id, String modelName, int version) {
    }

}
