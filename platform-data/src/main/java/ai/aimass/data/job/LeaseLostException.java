package ai.aimass.data.job;

import java.util.UUID;

/**
 * Thrown when a worker writes to a job it no longer holds; the worker must drop the job.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(UUID jobId, String workerId) {
        super("Worker " + workerId + " no longer holds the lease of job " + jobId);
    }

}
