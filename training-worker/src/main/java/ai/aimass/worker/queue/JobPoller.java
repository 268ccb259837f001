package ai.aimass.worker.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.aimass.data.job.JobQueue;
import ai.aimass.data.job.JobQueue.ClaimedJob;
import ai.aimass.data.job.JobQueue.LeaseState;
import ai.aimass.data.job.LeaseLostException;
import ai.aimass.worker.WorkerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Claims jobs from the queue and runs each on a coordinator thread, holding its lease
 * with heartbeats.
 * <p>
 * Every {@code aimass.worker.poll-interval} the poller claims jobs of the kinds its
 * {@link JobRunner}s know, up to {@code aimass.worker.max-concurrent-jobs} at once. While
 * a job runs, a scheduled heartbeat renews its lease every third of the lease; when the
 * queue answers that the lease is lost, the job's thread is interrupted and the job
 * dropped; when it answers that a cancel was requested, the thread is interrupted and the
 * job marked cancelled. On stop (SIGTERM closes the context, which stops this lifecycle
 * first) the poller stops claiming, interrupts the running jobs and gives them back to
 * the queue, so that another worker resumes them from their last checkpoint without
 * waiting for the lease to expire.
 */
@Component
public class JobPoller implements SmartLifecycle, DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(JobPoller.class);

    private static final int MAX_MESSAGE_LENGTH = 2000;

    private final JobQueue queue;

    private final Map<String, JobRunner> runners;

    private final WorkerProperties properties;

    private final String workerId;

    private final ScheduledExecutorService scheduler;

    private final ExecutorService coordinators;

    private final Map<UUID, RunningJob> runningJobs = new ConcurrentHashMap<>();

    private final Object monitor = new Object();

    private boolean active;

    private ScheduledFuture<?> polling;

    private volatile boolean pollFailing;

    public JobPoller(JobQueue queue, List<JobRunner> runners, WorkerProperties properties, WorkerIdentity identity) {
        this.queue = queue;
        this.runners = runners.stream().collect(Collectors.toMap(JobRunner::kind, Function.identity()));
        this.properties = properties;
        this.workerId = identity.id();
        this.scheduler = Executors.newScheduledThreadPool(2, threads("aimass-worker-lease-"));
        this.coordinators = Executors.newFixedThreadPool(properties.maxConcurrentJobs(),
                threads("aimass-coordinator-"));
    }

    @Override
    public void start() {
        synchronized (this.monitor) {
            if (this.active) {
                return;
            }
            this.active = true;
            this.polling = this.scheduler.scheduleWithFixedDelay(this::poll, 0,
                    this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        logger.info("Worker polling for jobs workerId={} kinds={} maxConcurrentJobs={}", this.workerId,
                this.runners.keySet(), this.properties.maxConcurrentJobs());
    }

    /**
     * Stops claiming, interrupts the running jobs and releases their leases, waiting at
     * most {@code aimass.worker.shutdown-timeout} for them to stop.
     */
    @Override
    public void stop() {
        synchronized (this.monitor) {
            if (!this.active) {
                return;
            }
            this.active = false;
            this.polling.cancel(false);
        }
        this.runningJobs.values().forEach((running) -> running.stop(StopReason.SHUTDOWN));
        awaitRunningJobs(this.properties.shutdownTimeout());
        this.runningJobs.values().forEach(this::releaseAfterTimeout);
        logger.info("Worker stopped polling workerId={}", this.workerId);
    }

    @Override
    public boolean isRunning() {
        synchronized (this.monitor) {
            return this.active;
        }
    }

    @Override
    public void destroy() {
        this.scheduler.shutdownNow();
        this.coordinators.shutdownNow();
    }

    /**
     * Returns the number of jobs this worker runs now.
     * @return the count
     */
    public int runningJobCount() {
        return this.runningJobs.size();
    }

    private void poll() {
        try {
            while (claimOne()) {
                // Claim until the worker is full or the queue is empty.
            }
            this.pollFailing = false;
        }
        catch (RuntimeException ex) {
            if (!this.pollFailing) {
                logger.warn("Could not claim a job, retrying every {} workerId={}: {}", this.properties.pollInterval(),
                        this.workerId, ex.getMessage());
            }
            this.pollFailing = true;
        }
    }

    private boolean claimOne() {
        synchronized (this.monitor) {
            if (!this.active || this.runningJobs.size() >= this.properties.maxConcurrentJobs()) {
                return false;
            }
            Optional<ClaimedJob> claimed = this.queue.claimNext(this.workerId, this.properties.lease(),
                    List.copyOf(this.runners.keySet()), this.properties.accelerator());
            claimed.ifPresent(this::launch);
            return claimed.isPresent();
        }
    }

    private void launch(ClaimedJob job) {
        logger.info("Claimed job jobId={} kind={} attempt={} completedRounds={} totalRounds={} workerId={}", job.id(),
                job.kind(), job.attempt(), job.completedRounds(), job.totalRounds(), this.workerId);
        RunningJob running = new RunningJob(job);
        this.runningJobs.put(job.id(), running);
        long heartbeatMillis = this.properties.heartbeatInterval().toMillis();
        running.heartbeat = this.scheduler.scheduleAtFixedRate(running::heartbeat, heartbeatMillis, heartbeatMillis,
                TimeUnit.MILLISECONDS);
        this.coordinators.execute(() -> execute(running));
    }

    private void execute(RunningJob running) {
        ClaimedJob job = running.job;
        try {
            running.attach(Thread.currentThread());
            if (running.stopReason() != StopReason.NONE) {
                throw new InterruptedException();
            }
            this.runners.get(job.kind()).run(job, running);
        }
        catch (InterruptedException ex) {
            handleStop(running);
        }
        catch (LeaseLostException ex) {
            logger.warn("Dropped job that this worker no longer holds jobId={} workerId={}", job.id(), this.workerId);
        }
        catch (RuntimeException ex) {
            if (running.stopReason() != StopReason.NONE) {
                handleStop(running);
            }
            else {
                handleFailure(running, ex);
            }
        }
        finally {
            running.detach();
            running.heartbeat.cancel(false);
            this.runningJobs.remove(job.id());
            Thread.interrupted();
        }
    }

    private void handleStop(RunningJob running) {
        if (running.stopReason() == StopReason.LEASE_LOST) {
            logger.warn("Dropped job whose lease was lost jobId={} workerId={}", running.job.id(), this.workerId);
            return;
        }
        if (running.stopReason() == StopReason.CANCEL_REQUESTED) {
            cancel(running);
            return;
        }
        release(running);
    }

    private void cancel(RunningJob running) {
        UUID jobId = running.job.id();
        try {
            this.queue.cancel(jobId, this.workerId);
            logger.info("Cancelled on request while it ran jobId={} workerId={}", jobId, this.workerId);
        }
        catch (LeaseLostException ex) {
            logger.info("Cancel of jobId={} already recorded, or its lease was lost", jobId);
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record the cancel of jobId={}; it ends once its lease expires: {}", jobId,
                    ex.getMessage());
        }
    }

    private void handleFailure(RunningJob running, RuntimeException ex) {
        UUID jobId = running.job.id();
        String message = (ex instanceof JobFailedException) ? ex.getMessage() : "The worker failed unexpectedly ("
                + ex.getClass().getSimpleName() + "); the worker log has the details under jobId=" + jobId;
        logger.error("Job failed jobId={} workerId={}: {}", jobId, this.workerId, message, ex);
        try {
            this.queue.fail(jobId, this.workerId, truncate(message));
        }
        catch (LeaseLostException lost) {
            logger.warn("Could not record the failure of a job that this worker no longer holds jobId={}", jobId);
        }
        catch (RuntimeException recordFailure) {
            logger.warn("Could not record the failure of jobId={}; it resumes once its lease expires: {}", jobId,
                    recordFailure.getMessage());
        }
    }

    private void release(RunningJob running) {
        UUID jobId = running.job.id();
        try {
            if (this.queue.release(jobId, this.workerId)) {
                logger.info("Released job for another worker to resume jobId={} workerId={}", jobId, this.workerId);
            }
        }
        catch (RuntimeException ex) {
            logger.warn("Could not release jobId={}; it resumes once its lease expires: {}", jobId, ex.getMessage());
        }
    }

    private void releaseAfterTimeout(RunningJob running) {
        logger.warn("Job did not stop within aimass.worker.shutdown-timeout={}, releasing it anyway jobId={}",
                this.properties.shutdownTimeout(), running.job.id());
        release(running);
    }

    private void awaitRunningJobs(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!this.runningJobs.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String truncate(String message) {
        return (message.length() <= MAX_MESSAGE_LENGTH) ? message : message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return (runnable) -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private enum StopReason {

        NONE, SHUTDOWN, LEASE_LOST, CANCEL_REQUESTED

    }

    /**
     * A claimed job while it runs: its lease, its thread and why it was asked to stop.
     */
    private final class RunningJob implements JobLease {

        private final ClaimedJob job;

        private volatile ScheduledFuture<?> heartbeat;

        private Thread thread;

        private boolean done;

        private StopReason stopReason = StopReason.NONE;

        private volatile boolean cancelLogged;

        RunningJob(ClaimedJob job) {
            this.job = job;
        }

        @Override
        public String workerId() {
            return JobPoller.this.workerId;
        }

        @Override
        public LeaseState renew() {
            LeaseState state = JobPoller.this.queue.heartbeat(this.job.id(), JobPoller.this.workerId,
                    JobPoller.this.properties.lease());
            if (state == LeaseState.LOST) {
                stop(StopReason.LEASE_LOST);
            }
            return state;
        }

        /**
         * Renews the lease between rounds or members too: a cancel request interrupts the
         * job at once, so that a long round or member does not hold the worker, and the
         * interrupted tasks stop between mini-batches.
         */
        void heartbeat() {
            try {
                if (renew() == LeaseState.CANCEL_REQUESTED && !this.cancelLogged) {
                    this.cancelLogged = true;
                    logger.info("Cancel requested, stopping the job now jobId={}", this.job.id());
                    stop(StopReason.CANCEL_REQUESTED);
                }
            }
            catch (RuntimeException ex) {
                logger.warn("Could not renew the lease of jobId={} workerId={}: {}", this.job.id(),
                        JobPoller.this.workerId, ex.getMessage());
            }
        }

        synchronized void attach(Thread thread) {
            this.thread = thread;
        }

        synchronized void detach() {
            this.done = true;
            this.thread = null;
        }

        synchronized StopReason stopReason() {
            return this.stopReason;
        }

        synchronized void stop(StopReason reason) {
            if (this.done || this.stopReason != StopReason.NONE) {
                return;
            }
            this.stopReason = reason;
            if (this.thread != null) {
                this.thread.interrupt();
            }
        }

    }

}
