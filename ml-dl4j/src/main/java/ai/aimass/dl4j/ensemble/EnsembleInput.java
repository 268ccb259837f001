package ai.aimass.dl4j.ensemble;

import java.util.List;
import java.util.Objects;

import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.TrainingSpec;

/**
 * Everything an ensemble is trained from.
 *
 * @param spec the ensemble settings, valid
 * @param training the job's training settings, whose seed seeds every member
 * @param preprocessor the encoding of the rows, which maps a member's feature columns to
 * encoded inputs
 * @param labels the classes in output order, at least 2
 * @param parts one part for a centralised ensemble, one per participant (in the spec's
 * order) for a federated one
 */
public record EnsembleInput(EnsembleSpec spec, TrainingSpec training, FeaturePreprocessor preprocessor,
        List<String> labels, List<ParticipantRows> parts) {

    public EnsembleInput {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(preprocessor, "preprocessor");
        labels = List.copyOf(labels);
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts: expected at least one part, found none");
        }
    }

    /**
     * Returns the number of classes.
     * @return the label count
     */
    public int classCount() {
        return this.labels.size();
    }

}
