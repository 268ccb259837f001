package ai.aimass.dl4j.predict;

import java.util.ArrayList;
import java.util.List;

import ai.aimass.dl4j.bundle.EnsembleBundle;
import ai.aimass.dl4j.ensemble.EnsembleMember;
import ai.aimass.dl4j.ensemble.TrainedEnsemble;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.ensemble.EnsembleCombiner;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.preprocess.InvalidFeatureException;

/**
 * Answers predictions for an ensemble bundle: encodes the rows once with the bundle's
 * preprocessor, runs every member and combines their probabilities; with {@code explain},
 * each prediction also carries every member's vote.
 * <p>
 * Safe to call from many threads, as its members are. Bad input surfaces as
 * {@link InvalidFeatureException}, whose {@link InvalidFeatureException#rowIndex()} names
 * the row of the batch.
 */
public final class EnsemblePredictor implements ModelPredictor {

    private final BundleManifest manifest;

    private final List<EnsembleMember> members;

    private final EnsembleCombiner combiner;

    private final FeaturePreprocessor preprocessor;

    /**
     * Creates a predictor.
     * @param bundle a checked ensemble bundle
     */
    public EnsemblePredictor(EnsembleBundle bundle) {
        this.manifest = bundle.manifest();
        this.members = bundle.members();
        this.combiner = this.manifest.ensemble().combiner();
        this.preprocessor = this.manifest.preprocessor();
    }

    @Override
    public BundleManifest manifest() {
        return this.manifest;
    }

    @Override
    public boolean acceptsRawInput() {
        return this.preprocessor.numericOnly();
    }

    @Override
    public List<Prediction> predictRows(List<List<Object>> valuesInSchemaOrder, boolean explain) {
        return predictEncoded(PredictorInputs.encodeValues(this.preprocessor, valuesInSchemaOrder), explain);
    }

    @Override
    public List<Prediction> predictRaw(float[][] rawFeaturesInSchemaOrder, boolean explain) {
        double[][] inputs = PredictorInputs.encodeNumbers(this.preprocessor, rawFeaturesInSchemaOrder);
        return predictEncoded(inputs, explain);
    }

    private List<Prediction> predictEncoded(double[][] inputs, boolean explain) {
        if (inputs.length == 0) {
            return List.of();
        }
        double[][][] memberProbabilities = TrainedEnsemble.memberProbabilities(this.members, inputs);
        for (double[][] probabilities : memberProbabilities) {
            for (int row = 0; row < inputs.length; row++) {
                PredictorInputs.requireFinite(row, probabilities[row]);
            }
        }
        double[][] combined = this.combiner.combineAll(memberProbabilities);
        List<String> labels = this.manifest.labels();
        List<Prediction> predictions = new ArrayList<>(inputs.length);
        for (int row = 0; row < inputs.length; row++) {
            double[] probabilities = combined[row];
            String label = labels.get(ClassificationMetrics.argmax(probabilities));
            predictions.add(new Prediction(label, probabilities, explain ? votes(memberProbabilities, row) : null));
        }
        return predictions;
    }

    private List<MemberVote> votes(double[][][] memberProbabilities, int row) {
        List<MemberVote> votes = new ArrayList<>(this.members.size());
        for (int k = 0; k < this.members.size(); k++) {
            EnsembleMember member = this.members.get(k);
            double[] probabilities = memberProbabilities[k][row];
            votes.add(new MemberVote(k, member.type(), member.participant(),
                    this.manifest.labels().get(ClassificationMetrics.argmax(probabilities)), probabilities,
                    this.combiner.memberWeight(k)));
        }
        return votes;
    }

}
