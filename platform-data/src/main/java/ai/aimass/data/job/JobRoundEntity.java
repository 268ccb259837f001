package ai.aimass.data.job;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The metrics of one step of a job: an aggregated round of a federated job, or one
 * trained member of an ensemble job.
 */
@Entity
@Table(name = "job_rounds")
@IdClass(JobRoundEntity.Key.class)
public class JobRoundEntity {

    @Id
    @Column(name = "job_id")
    private UUID jobId;

    @Id
    @Column(name = "round_number")
    private int roundNumber;

    @Column(name = "participants_answered", nullable = false)
    private int participantsAnswered;

    @Column(name = "participants_asked", nullable = false)
    private int participantsAsked;

    @Column(name = "mean_loss")
    private Double meanLoss;

    @Column(name = "validation_accuracy", nullable = false)
    private double validationAccuracy;

    @Column(name = "participant_metrics_json", nullable = false)
    private String participantMetricsJson;

    @Column(name = "duration_millis", nullable = false)
    private long durationMillis;

    @Column(name = "training_millis", nullable = false)
    private long trainingMillis;

    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;

    @Column(name = "member_json")
    private String memberJson;

    protected JobRoundEntity() {
    }

    public JobRoundEntity(UUID jobId, int roundNumber, int participantsAnswered, int participantsAsked, Double meanLoss,
            double validationAccuracy, String participantMetricsJson, long durationMillis, long trainingMillis,
            Instant completedAt) {
        this(jobId, roundNumber, participantsAnswered, participantsAsked, meanLoss, validationAccuracy,
                participantMetricsJson, durationMillis, trainingMillis, completedAt, null);
    }

    /**
     * Creates a row that also says which ensemble member the step trained.
     * @param memberJson a JSON object describing the member, or null for a federated
     * round
     */
    public JobRoundEntity(UUID jobId, int roundNumber, int participantsAnswered, int participantsAsked, Double meanLoss,
            double validationAccuracy, String participantMetricsJson, long durationMillis, long trainingMillis,
            Instant completedAt, String memberJson) {
        this.jobId = jobId;
        this.roundNumber = roundNumber;
        this.participantsAnswered = participantsAnswered;
        this.participantsAsked = participantsAsked;
        this.meanLoss = meanLoss;
        this.validationAccuracy = validationAccuracy;
        this.participantMetricsJson = participantMetricsJson;
        this.durationMillis = durationMillis;
        this.trainingMillis = trainingMillis;
        this.completedAt = completedAt;
        this.memberJson = memberJson;
    }

    public UUID getJobId() {
        return this.jobId;
    }

    public int getRoundNumber() {
        return this.roundNumber;
    }

    public int getParticipantsAnswered() {
        return this.participantsAnswered;
    }

    public int getParticipantsAsked() {
        return this.participantsAsked;
    }

    /** The mean training loss, or null for a step without one (a tree member). */
    public Double getMeanLoss() {
        return this.meanLoss;
    }

    /**
     * Example-weighted mean of the participants' validation accuracies of the global
     * model.
     */
    public double getValidationAccuracy() {
        return this.validationAccuracy;
    }

    /**
     * JSON list of each participant's name, example count, loss and validation accuracy.
     */
    public String getParticipantMetricsJson() {
        return this.participantMetricsJson;
    }

    public long getDurationMillis() {
        return this.durationMillis;
    }

    /** Wall time of the slowest participant's local training in this round. */
    public long getTrainingMillis() {
        return this.trainingMillis;
    }

    public Instant getCompletedAt() {
        return this.completedAt;
    }

    /** The ensemble member this step trained, as a JSON object, or null for a round. */
    public String getMemberJson() {
        return this.memberJson;
    }

    /** Composite key of a round row. */
    public static class Key implements Serializable {

        private UUID jobId;

        private int roundNumber;

        public Key() {
        }

        public Key(UUID jobId, int roundNumber) {
            this.jobId = jobId;
            this.roundNumber = roundNumber;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.roundNumber == this.roundNumber
                    && Objects.equals(key.jobId, this.jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(this.jobId, this.roundNumber);
        }

    }

}
