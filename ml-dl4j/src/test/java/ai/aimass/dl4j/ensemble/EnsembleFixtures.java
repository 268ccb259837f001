package ai.aimass.dl4j.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.aimass.dl4j.TestData;
import ai.aimass.ml.partition.TrainValidationSplit;
import ai.aimass.ml.partition.TrainValidationSplit.Split;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.spec.ParticipantSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularRows;

/**
 * Specs and rows shared by the ensemble tests.
 */
final class EnsembleFixtures {

    static final TrainingSpec TRAINING = new TrainingSpec(8, 32, 0.01, "adam", 7L, 0.2);

    private EnsembleFixtures() {
    }

    static MemberSpec mlp(int units) {
        return new MemberSpec(MemberSpec.TYPE_MLP, List.of(new LayerSpec(units, "relu")), null, null, null, null);
    }

    static MemberSpec logistic() {
        return new MemberSpec(MemberSpec.TYPE_LOGISTIC, null, null, null, null, null);
    }

    static MemberSpec tree(int maxDepth, int minLeafSize) {
        return new MemberSpec(MemberSpec.TYPE_TREE, null, maxDepth, minLeafSize, null, null);
    }

    static EnsembleSpec central(String method, List<MemberSpec> members, Integer size) {
        return new EnsembleSpec(method, UUID.randomUUID(), null, members, size, null, null, null, null, null);
    }

    static EnsembleSpec voting(List<MemberSpec> members, String voting, List<Double> weights, List<Double> bias) {
        return new EnsembleSpec(EnsembleSpec.METHOD_VOTING, UUID.randomUUID(), null, members, null, null, null, voting,
                weights, bias);
    }

    static EnsembleSpec federated(String method, List<MemberSpec> members, List<String> participants) {
        List<ParticipantSpec> specs = participants.stream()
            .map((name) -> new ParticipantSpec(name, UUID.randomUUID()))
            .toList();
        return new EnsembleSpec(method, null, specs, members, null, null, null, null, null, null);
    }

    /**
     * The breast-cancer rows, encoded with a preprocessor fitted on the training rows and
     * split into training and validation rows by the training settings' fraction and
     * seed.
     */
    static BreastCancer breastCancer() {
        CsvTable table = TestData.breastCancer();
        DatasetProfile profile = DatasetProfiler.profile(table, "diagnosis");
        List<String> labels = profile.schema().labelClasses();
        TabularRows rows = TabularRows.of(table, profile.schema(), labels);
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(profile.schema(), List.of(profile));
        double[][] features = preprocessor.encodeAll(rows.featureCells());
        return new BreastCancer(preprocessor, labels, new EncodedRows(features, rows.labelIndexes()));
    }

    static ParticipantRows split(String name, EncodedRows rows, double validationFraction, long seed) {
        Split split = TrainValidationSplit.split(rows.labels(), validationFraction, seed);
        return new ParticipantRows(name, subset(rows, split.trainRows()), subset(rows, split.validationRows()));
    }

    static EncodedRows subset(EncodedRows rows, int[] indexes) {
        double[][] features = new double[indexes.length][];
        int[] labels = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            features[i] = rows.features()[indexes[i]];
            labels[i] = rows.labels()[indexes[i]];
        }
        return new EncodedRows(features, labels);
    }

    static MemberListener collecting(List<MemberReport> reports) {
        return (completed, total, report) -> reports.add(report);
    }

    static List<MemberReport> reports() {
        return new ArrayList<>();
    }

    /**
     * Encoded data.
     *
     * @param preprocessor the encoding
     * @param labels the classes
     * @param rows every row
     */
    record BreastCancer(FeaturePreprocessor preprocessor, List<String> labels, EncodedRows rows) {

    }

}
