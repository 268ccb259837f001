package ai.aimass.ml.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * A member's own local training settings, each overriding the job's when given.
 * <p>
 * Unlike {@link TrainingSpec}, absent fields stay null here, so that they fall back to
 * the job's settings rather than to the platform defaults. The seed and the validation
 * fraction are never a member's own: seeds are drawn per member from the job's seed, and
 * every member is scored on the same held-out rows.
 *
 * @param epochs passes over the member's rows, or null for the job's
 * @param batchSize rows per mini-batch, or null for the job's
 * @param learningRate the optimiser's learning rate, or null for the job's
 * @param optimizer the optimiser, or null for the job's
 */
public record MemberTraining(Integer epochs, Integer batchSize, Double learningRate, String optimizer) {

    /**
     * Returns the job's settings with this member's overrides applied.
     * @param job the job's training settings
     * @return the settings this member trains with
     */
    public TrainingSpec resolve(TrainingSpec job) {
        return new TrainingSpec((this.epochs != null) ? this.epochs : job.epochs(),
                (this.batchSize != null) ? this.batchSize : job.batchSize(),
                (this.learningRate != null) ? this.learningRate : job.learningRate(),
                (this.optimizer != null) ? this.optimizer : job.optimizer(), job.seed(), job.validationFraction());
    }

    void collectProblems(String path, TrainingSpec job, List<String> problems) {
        List<String> resolved = new ArrayList<>();
        resolve(job).collectProblems(path, resolved);
        // Only the overrides are this member's to report; the job's own values are
        // reported once under "training".
        for (String problem : resolved) {
            if ((problem.startsWith(path + ".epochs:") && this.epochs != null)
                    || (problem.startsWith(path + ".batchSize:") && this.batchSize != null)
                    || (problem.startsWith(path + ".learningRate:") && this.learningRate != null)
                    || (problem.startsWith(path + ".optimizer:") && this.optimizer != null)) {
                problems.add(problem);
            }
        }
    }

}
