package ai.aimass.data.job;

/** The life of a job; the last three are final. */
public enum JobStatus {

    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

}
