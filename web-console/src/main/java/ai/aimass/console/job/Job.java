package ai.aimass.console.job;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * A training job as platform-api answers it.
 *
 * @param id the job id
 * @param kind {@code federated} or {@code ensemble}
 * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or
 * {@code CANCELLED}
 * @param roundsCompleted rounds (or ensemble members) done
 * @param totalRounds rounds (or members) asked for
 * @param cancelRequested whether a cancel was asked for
 * @param errorMessage why the job failed or stopped, or null
 * @param modelVersion the version the job published, or null
 * @param createdAt when it was submitted
 * @param startedAt when a worker claimed it, or null
 * @param finishedAt when it ended, or null
 * @param spec the complete spec
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Job(UUID id, String kind, String status, int roundsCompleted, int totalRounds, boolean cancelRequested,
        String errorMessage, PublishedVersion modelVersion, Instant createdAt, Instant startedAt, Instant finishedAt,
        JsonNode spec) {

    /** Whether the job has ended. */
    public boolean isFinal() {
        return "SUCCEEDED".equals(this.status) || "FAILED".equals(this.status) || "CANCELLED".equals(this.status);
    }

    /** Whether the job is an ensemble job. */
    public boolean isEnsemble() {
        return "ensemble".equals(this.kind);
    }

    /** Whether the job is an ensemble whose members train inside participants' rows. */
    public boolean isEnsembleAcrossParticipants() {
        return isEnsemble() && this.spec != null && !this.spec.path("ensemble").path("participants").isEmpty();
    }

    /** The published model's name from the spec, or null. */
    public String modelName() {
        return (this.spec != null) ? this.spec.path("publish").path("modelName").asString(null) : null;
    }

    /** The share of rounds done, from 0 to 100. */
    public int progressPercent() {
        return (this.totalRounds > 0) ? (int) Math.round(100.0 * this.roundsCompleted / this.totalRounds) : 0;
    }

    /** The word that counts steps: round for a federated job, member for an ensemble. */
    public String stepWord() {
        return isEnsemble() ? "Member" : "Round";
    }

    /**
     * The model version a job published.
     *
     * @param id the version id
     * @param modelName the model name
     * @param version the version number
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublishedVersion(UUID id, String modelName, int version) {
    }

}
