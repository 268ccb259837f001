package ai.aimass.worker;

import java.time.Duration;

import ai.aimass.data.job.JobQueue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the training worker.
 *
 * @param pollInterval how long the worker waits between two attempts to claim a job
 * @param lease how long a claimed job stays with this worker without a heartbeat; the
 * worker renews it every third of this time
 * @param maxConcurrentJobs maximum number of jobs this worker coordinates at once
 * @param taskThreads number of threads that run round tasks (local training and
 * evaluation), apart from the threads that coordinate jobs
 * @param shutdownTimeout how long shutdown waits for running jobs to give their lease
 * back
 * @param accelerator {@code cpu}, or {@code gpu} on a worker with a GPU (the chart sets it
 * on its GPU workers): the worker claims only jobs whose {@code resources.accelerator} is
 * this one or {@code any}
 */
@ConfigurationProperties("aimass.worker")
public record WorkerProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration lease,
        @DefaultValue("1") int maxConcurrentJobs, @DefaultValue("2") int taskThreads,
        @DefaultValue("10s") Duration shutdownTimeout, @DefaultValue("cpu") String accelerator) {

    public WorkerProperties {
        requirePositive("aimass.worker.poll-interval", pollInterval);
        requirePositive("aimass.worker.lease", lease);
        requirePositive("aimass.worker.shutdown-timeout", shutdownTimeout);
        if (lease.toMillis() < 300) {
            throw new IllegalArgumentException(
                    "aimass.worker.lease: expected at least 300ms (heartbeats run every third of it), found " + lease);
        }
        if (maxConcurrentJobs < 1) {
            throw new IllegalArgumentException(
                    "aimass.worker.max-concurrent-jobs: expected at least 1, found " + maxConcurrentJobs);
        }
        if (taskThreads < 1) {
            throw new IllegalArgumentException("aimass.worker.task-threads: expected at least 1, found " + taskThreads);
        }
        if (!JobQueue.ACCELERATOR_CPU.equals(accelerator) && !JobQueue.ACCELERATOR_GPU.equals(accelerator)) {
            throw new IllegalArgumentException(
                    "aimass.worker.accelerator: expected cpu or gpu, found " + ((accelerator != null) ? "\""
                            + accelerator + "\"" : "nothing"));
        }
    }

    /**
     * Returns how often a running job's lease is renewed.
     * @return a third of the lease
     */
    public Duration heartbeatInterval() {
        return this.lease.dividedBy(3);
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(property + ": expected a positive duration, found " + value);
        }
    }

}
