package ai.aimass.worker.queue;

import ai.aimass.data.job.JobQueue.LeaseState;

/**
 * The lease by which this worker holds a running job, as a {@link JobRunner} sees it.
 */
public interface JobLease {

    /**
     * Returns the name under which this worker holds the lease; every write to the job
     * must name it.
     * @return the worker id
     */
    String workerId();

    /**
     * Renews the lease now and returns what the queue answered, so that a runner can
     * honour a cancel request or a lost lease at a round boundary.
     * @return the state of the lease
     */
    LeaseState renew();

}
