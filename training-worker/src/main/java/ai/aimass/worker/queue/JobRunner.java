package ai.aimass.worker.queue;

import ai.aimass.data.job.JobQueue.ClaimedJob;
import ai.aimass.data.job.LeaseLostException;

/**
 * Runs claimed jobs of one kind to their end.
 * <p>
 * A runner that returns normally has put the job in a final state itself (succeeded or
 * cancelled). It reports a failure by throwing {@link JobFailedException}, whose message
 * the job's owner will read, and a lost lease by throwing {@link LeaseLostException}. It
 * must stop with {@link InterruptedException} when its thread is interrupted: the worker
 * is shutting down, or the job was taken from it, and the caller gives the job back to
 * the queue or drops it.
 */
public interface JobRunner {

    /**
     * Returns the kind of job this runner runs, as in the {@code kind} column of the job.
     * @return the kind
     */
    String kind();

    /**
     * Runs a job from its next round to its end.
     * @param job the job as claimed, with the progress of earlier attempts
     * @param lease the lease that holds the job
     * @throws InterruptedException when the thread is interrupted
     */
    void run(ClaimedJob job, JobLease lease) throws InterruptedException;

}
