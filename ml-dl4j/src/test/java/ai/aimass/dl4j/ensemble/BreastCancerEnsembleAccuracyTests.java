package ai.aimass.dl4j.ensemble;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.aimass.dl4j.TestData;
import ai.aimass.ml.ensemble.StratifiedFolds;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularRows;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bar of the ensemble methods: on the Breast Cancer Wisconsin (Diagnostic) data, with
 * the same five stratified folds for every model, each ensemble's mean accuracy is at
 * least that of the best of its members trained alone on the same rows.
 */
class BreastCancerEnsembleAccuracyTests {

    private static final TrainingSpec TRAINING = new TrainingSpec(20, 32, 0.01, "adam", 42L, 0.2);

    private static final int FOLDS = 5;

    private static final List<MemberSpec> MIXED = List.of(EnsembleFixtures.logistic(), EnsembleFixtures.mlp(16),
            EnsembleFixtures.tree(6, 1));

    @Test
    void everyEnsembleMatchesOrBeatsItsBestMember() throws Exception {
        CsvTable table = TestData.breastCancer();
        DatasetProfile full = DatasetProfiler.profile(table, "diagnosis");
        List<String> labels = full.schema().labelClasses();
        int[] foldOf = StratifiedFolds.assign(TabularRows.of(table, full.schema(), labels).labelIndexes(), FOLDS, 42);
        Map<String, double[]> accuracy = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            EnsembleTrainer trainer = new EnsembleTrainer(pool);
            for (int fold = 0; fold < FOLDS; fold++) {
                Fold data = fold(table, labels, foldOf, fold);
                record(accuracy, "bagging", fold, data.score(trainer,
                        EnsembleFixtures.central(EnsembleSpec.METHOD_BAGGING, List.of(EnsembleFixtures.tree(6, 1)), 10),
                        false));
                record(accuracy, "adaboost", fold, data.score(trainer, EnsembleFixtures
                    .central(EnsembleSpec.METHOD_ADABOOST, List.of(EnsembleFixtures.tree(1, 1)), 30), false));
                record(accuracy, "stacking", fold, data.score(trainer,
                        EnsembleFixtures.central(EnsembleSpec.METHOD_STACKING, MIXED, null), false));
                record(accuracy, "voting", fold,
                        data.score(trainer, EnsembleFixtures.voting(MIXED, "soft", null, null), true));
                for (MemberSpec member : List.of(EnsembleFixtures.logistic(), EnsembleFixtures.mlp(16),
                        EnsembleFixtures.tree(6, 1), EnsembleFixtures.tree(1, 1))) {
                    String name = member.type() + (member.trainsNetwork() ? "" : "-" + member.effectiveMaxDepth());
                    record(accuracy, name, fold, data.score(trainer,
                            EnsembleFixtures.voting(List.of(member), "soft", List.of(1.0), null), false));
                }
            }
        }
        finally {
            pool.shutdownNow();
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        accuracy.forEach((name, values) -> mean.put(name, java.util.Arrays.stream(values).average().orElseThrow()));
        double bestMixed = Math.max(mean.get("logistic"), Math.max(mean.get("mlp"), mean.get("tree-6")));
        assertThat(mean.get("bagging")).as("bagging of depth-6 trees, %s", mean)
            .isGreaterThanOrEqualTo(mean.get("tree-6"));
        assertThat(mean.get("adaboost")).as("adaboost of stumps, %s", mean).isGreaterThanOrEqualTo(mean.get("tree-1"));
        assertThat(mean.get("stacking")).as("stacking, %s", mean).isGreaterThanOrEqualTo(bestMixed);
        assertThat(mean.get("voting")).as("voting, %s", mean).isGreaterThanOrEqualTo(bestMixed);
        assertThat(mean.get("stacking")).isGreaterThan(0.95);
    }

    private static void record(Map<String, double[]> accuracy, String name, int fold, double value) {
        accuracy.computeIfAbsent(name, (key) -> new double[FOLDS])[fold] = value;
    }

    private static Fold fold(CsvTable table, List<String> labels, int[] foldOf, int fold) {
        int[] trainRows = java.util.stream.IntStream.range(0, foldOf.length)
            .filter((row) -> foldOf[row] != fold)
            .toArray();
        int[] testRows = java.util.stream.IntStream.range(0, foldOf.length)
            .filter((row) -> foldOf[row] == fold)
            .toArray();
        CsvTable train = table.subset(trainRows);
        DatasetProfile profile = DatasetProfiler.profile(train, "diagnosis");
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(profile.schema(), List.of(profile));
        EncodedRows trainEncoded = encode(train, profile, preprocessor, labels);
        EncodedRows test = encode(table.subset(testRows), profile, preprocessor, labels);
        return new Fold(preprocessor, labels, trainEncoded, test);
    }

    private static EncodedRows encode(CsvTable table, DatasetProfile profile, FeaturePreprocessor preprocessor,
            List<String> labels) {
        TabularRows rows = TabularRows.of(table, profile.schema(), labels);
        return new EncodedRows(preprocessor.encodeAll(rows.featureCells()), rows.labelIndexes());
    }

    /**
     * One fold: every model trains on all of {@code train}, except that fitted voting
     * holds out a fifth of it to fit its weights on, and is scored on {@code test}.
     */
    private record Fold(FeaturePreprocessor preprocessor, List<String> labels, EncodedRows train, EncodedRows test) {

        double score(EnsembleTrainer trainer, EnsembleSpec spec, boolean holdOut) throws InterruptedException {
            ParticipantRows part = holdOut ? EnsembleFixtures.split("fold", this.train, 0.2, 42)
                    : new ParticipantRows("fold", this.train, new EncodedRows(new double[0][], new int[0]));
            TrainedEnsemble ensemble = trainer.train(
                    new EnsembleInput(spec, TRAINING, this.preprocessor, this.labels, List.of(part)),
                    (completed, total, report) -> {
                    });
            int[] predicted = ClassificationMetrics.argmax(ensemble.predictProbabilities(this.test.features()));
            return ClassificationMetrics.accuracy(this.test.labels(), predicted);
        }

    }

}
