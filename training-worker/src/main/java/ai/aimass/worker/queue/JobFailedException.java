package ai.aimass.worker.queue;

/**
 * Thrown by a {@link JobRunner} when a job cannot go on; the message is recorded on the
 * job for its owner to read, so it says what went wrong in the terms of the job's spec
 * and never carries a stack trace or driver text.
 */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String message) {
        super(message);
    }

    public JobFailedException(String message, Throwable cause) {
        super(message, cause);
    }

}
