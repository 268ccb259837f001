package ai.aimass.api.job;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import ai.aimass.api.problem.ApiException;
import ai.aimass.data.job.JobEntity;
import ai.aimass.data.job.JobRepository;
import ai.aimass.data.job.JobRoundEntity;
import ai.aimass.data.job.JobRoundRepository;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Follows jobs for their event streams by reading the database at a fixed interval.
 * <p>
 * A stream opens with the job's status and every round recorded so far, then sends a
 * {@code round} event for each new round (or trained ensemble member) and a
 * {@code status} event whenever the status, progress or cancel flag changes, rounds
 * before the status that counts them. It ends after the status event of a final state, or
 * after {@link JobEventProperties#maxStreamDuration()}, so a client that reconnects must
 * expect the rounds it has seen again.
 */
@Component
class JobEventStream {

    /** Name of the events that carry a {@link JobStatusEvent}. */
    static final String STATUS_EVENT = "status";

    /** Name of the events that carry a {@link RoundView}. */
    static final String ROUND_EVENT = "round";

    private static final Logger log = LoggerFactory.getLogger(JobEventStream.class);

    private final JobRepository jobs;

    private final JobRoundRepository rounds;

    private final PublishedVersions publishedVersions;

    private final JobEventProperties properties;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
        Thread thread = new Thread(task, "job-events");
        thread.setDaemon(true);
        return thread;
    });

    JobEventStream(JobRepository jobs, JobRoundRepository rounds, PublishedVersions publishedVersions,
            JobEventProperties properties) {
        this.jobs = jobs;
        this.rounds = rounds;
        this.publishedVersions = publishedVersions;
        this.properties = properties;
    }

    /**
     * Opens a stream of a job's events.
     * @param tenantId the caller's tenant
     * @param jobId the job to follow
     * @return the stream, already scheduled
     * @throws ApiException with code {@code not_found} for a job outside the tenant
     */
    SseEmitter follow(UUID tenantId, UUID jobId) {
        this.jobs.findByIdAndTenantId(jobId, tenantId)
            .orElseThrow(() -> ApiException.notFound("id: expected a job of your tenant, found none with id " + jobId));
        SseEmitter emitter = new SseEmitter(this.properties.maxStreamDuration().toMillis());
        Follower follower = new Follower(tenantId, jobId, emitter);
        long interval = this.properties.pollInterval().toMillis();
        follower.future = this.scheduler.scheduleWithFixedDelay(follower::poll, 0, interval, TimeUnit.MILLISECONDS);
        if (follower.stopped) {
            follower.future.cancel(false);
        }
        emitter.onCompletion(follower::stop);
        emitter.onTimeout(() -> {
            follower.stop();
            emitter.complete();
        });
        emitter.onError((ex) -> follower.stop());
        return emitter;
    }

    @PreDestroy
    void stop() {
        this.scheduler.shutdownNow();
    }

    private JobStatusEvent statusEvent(JobEntity job) {
        JobView.PublishedVersion published = this.publishedVersions.of(job);
        return new JobStatusEvent(job.getId(), job.getStatus(), job.getCompletedRounds(), job.getTotalRounds(),
                job.isCancelRequested(), job.getErrorMessage(), published, job.getStartedAt(), job.getFinishedAt());
    }

    /** One open stream and what it has sent so far. */
    private final class Follower {

        private final UUID tenantId;

        private final UUID jobId;

        private final SseEmitter emitter;

        private volatile ScheduledFuture<?> future;

        private volatile boolean stopped;

        private int lastRound;

        private JobStatusEvent lastStatus;

        private long lastSentNanos = System.nanoTime();

        Follower(UUID tenantId, UUID jobId, SseEmitter emitter) {
            this.tenantId = tenantId;
            this.jobId = jobId;
            this.emitter = emitter;
        }

        void poll() {
            if (this.stopped) {
                return;
            }
            try {
                Optional<JobEntity> job = JobEventStream.this.jobs.findByIdAndTenantId(this.jobId, this.tenantId);
                if (job.isEmpty()) {
                    finish();
                    return;
                }
                sendNewRounds();
                sendStatus(job.get());
                keepAlive();
            }
            catch (IOException | IllegalStateException ex) {
                // The client went away; the emitter's callbacks stop this follower.
                log.debug("Stopped following job id={}: {}", this.jobId, ex.toString());
                stop();
            }
            catch (RuntimeException | LinkageError ex) {
                // Caught here, as an exception that left a scheduled task would silently
                // end the stream's updates without ending the stream.
                log.error("Could not follow job id={}", this.jobId, ex);
                stop();
                this.emitter.completeWithError(ex);
            }
        }

        private void sendNewRounds() throws IOException {
            for (JobRoundEntity round : JobEventStream.this.rounds.findByJobIdOrderByRoundNumber(this.jobId)) {
                if (round.getRoundNumber() > this.lastRound) {
                    this.emitter.send(SseEmitter.event()
                        .name(ROUND_EVENT)
                        .id(Integer.toString(round.getRoundNumber()))
                        .data(RoundView.from(round), MediaType.APPLICATION_JSON));
                    this.lastRound = round.getRoundNumber();
                    this.lastSentNanos = System.nanoTime();
                }
            }
        }

        private void sendStatus(JobEntity job) throws IOException {
            JobStatusEvent status = statusEvent(job);
            if (!Objects.equals(status, this.lastStatus)) {
                this.emitter.send(SseEmitter.event().name(STATUS_EVENT).data(status, MediaType.APPLICATION_JSON));
                this.lastStatus = status;
                this.lastSentNanos = System.nanoTime();
            }
            if (job.getStatus().isFinal()) {
                finish();
            }
        }

        /** A comment line after a quiet spell, so that a client that left is noticed. */
        private void keepAlive() throws IOException {
            if (!this.stopped && System.nanoTime()
                    - this.lastSentNanos >= JobEventStream.this.properties.keepAliveInterval().toNanos()) {
                this.emitter.send(SseEmitter.event().comment("keep-alive"));
                this.lastSentNanos = System.nanoTime();
            }
        }

        private void finish() {
            stop();
            this.emitter.complete();
        }

        void stop() {
            this.stopped = true;
            ScheduledFuture<?> scheduled = this.future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }

    }

}
