package ai.aimass.api.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@code GET /api/v1/jobs/{id}/events} follows a job.
 * <p>
 * Job progress is written by workers in other processes, so a stream learns of it by
 * reading the database, not from memory.
 *
 * @param pollInterval how often an open stream reads the job and its rounds
 * @param maxStreamDuration longest time one stream stays open; a client that reconnects
 * is sent the job's state and every recorded round again
 * @param keepAliveInterval longest quiet time before a stream writes a comment line: a
 * client that went away is noticed only when something is written to it
 */
@ConfigurationProperties("aimass.api.job-events")
public record JobEventProperties(Duration pollInterval, Duration maxStreamDuration, Duration keepAliveInterval) {

    /** The default longest quiet time of a stream. */
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(15);

    /** The default interval between two reads of a followed job. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

    /** The default longest life of one stream. */
    public static final Duration DEFAULT_MAX_STREAM_DURATION = Duration.ofMinutes(30);

    public JobEventProperties {
        pollInterval = (pollInterval != null) ? pollInterval : DEFAULT_POLL_INTERVAL;
        maxStreamDuration = (maxStreamDuration != null) ? maxStreamDuration : DEFAULT_MAX_STREAM_DURATION;
        keepAliveInterval = (keepAliveInterval != null) ? keepAliveInterval : DEFAULT_KEEP_ALIVE_INTERVAL;
        if (keepAliveInterval.isNegative() || keepAliveInterval.isZero()) {
            throw new IllegalArgumentException("aimass.api.job-events.keep-alive-interval: expected a positive "
                    + "duration, found " + keepAliveInterval);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(
                    "aimass.api.job-events.poll-interval: expected a positive duration, found " + pollInterval);
        }
        if (maxStreamDuration.isNegative() || maxStreamDuration.isZero()) {
            throw new IllegalArgumentException("aimass.api.job-events.max-stream-duration: expected a positive "
                    + "duration, found " + maxStreamDuration);
        }
    }

}
