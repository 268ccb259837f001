package ai.aimass.dl4j.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.aimass.dl4j.TestBundles;
import ai.aimass.dl4j.TestData;
import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.dl4j.training.LocalTrainer;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.preprocess.InvalidFeatureException;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class TabularPredictorTests {

    private static final ModelBundle MIXED = TestBundles.mixed();

    @Test
    void encodesValuesWithBundlePreprocessorBeforePredicting() {
        List<Object> row = List.of(2.5, "paris");
        BundleManifest manifest = MIXED.manifest();
        double[] encoded = manifest.preprocessor().encodeValues(row);
        double[][] expected = LocalTrainer.predictProbabilities(manifest.model(), MIXED.weights(),
                manifest.inputWidth(), 2, new double[][] { encoded });
        Prediction prediction = new TabularPredictor(MIXED).predictRows(List.of(row)).get(0);
        assertThat(prediction.probabilities()).containsExactly(expected[0]);
        assertThat(prediction.label()).isEqualTo("high");
        assertThat(prediction.probabilities()[0] + prediction.probabilities()[1]).isCloseTo(1, within(1e-6));
    }

    @Test
    void predictsLearnedRule() {
        List<Prediction> predictions = new TabularPredictor(MIXED)
            .predictRows(List.of(List.of(6, "lyon"), List.of(-6, "paris"), List.of(-1.0, "lyon")));
        assertThat(predictions).extracting(Prediction::label).containsExactly("high", "low", "low");
    }

    @Test
    void passesInvalidFeatureToCallerWithItsRow() {
        TabularPredictor predictor = new TabularPredictor(MIXED);
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> predictor.predictRows(List.of(List.of(1, "lyon"), List.of("abc", "lyon"))))
            .withMessage("feature \"x\": expected a number, found a string (\"abc\")")
            .satisfies((ex) -> assertThat(ex.rowIndex()).isEqualTo(1))
            .satisfies((ex) -> assertThat(ex.feature()).isEqualTo("x"));
    }

    @Test
    void refusesRowWhoseProbabilitiesOverflowNamingItsRow() {
        TabularPredictor predictor = new TabularPredictor(TestBundles.logistic(1e30f));
        assertThat(predictor.predictRows(List.of(List.of(1.0))).get(0).label()).isEqualTo("a");
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> predictor.predictRows(List.of(List.of(1.0), List.of(1e10))))
            .withMessage("expected features within reach of the training data, found values too far outside it "
                    + "for the model to give finite probabilities")
            .satisfies((ex) -> assertThat(ex.rowIndex()).isEqualTo(1))
            .satisfies((ex) -> assertThat(ex.feature()).isNull());
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> predictor.predictRaw(new float[][] { { -1e10f } }))
            .satisfies((ex) -> assertThat(ex.rowIndex()).isZero());
    }

    @Test
    void rejectsRawInputForSchemaWithCategoricalFeature() {
        TabularPredictor predictor = new TabularPredictor(MIXED);
        assertThat(predictor.acceptsRawInput()).isFalse();
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> predictor.predictRaw(new float[][] { { 1, 2 } }))
            .withMessage("feature \"city\": expected only numeric features for raw numeric input, found a "
                    + "categorical feature; send named feature values instead");
    }

    @Test
    void predictsRawNumbersLikeNamedValues() {
        CsvTable table = TestData.breastCancer();
        ModelBundle bundle = TestBundles.train(table, "diagnosis");
        TabularPredictor predictor = new TabularPredictor(bundle);
        double[][] raw = DatasetProfiler.numericFeatures(table, bundle.manifest().schema());
        float[][] rawFloats = new float[3][];
        List<List<Object>> values = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            rawFloats[row] = new float[raw[row].length];
            List<Object> rowValues = new ArrayList<>();
            for (int i = 0; i < raw[row].length; i++) {
                rawFloats[row][i] = (float) raw[row][i];
                rowValues.add((double) rawFloats[row][i]);
            }
            values.add(rowValues);
        }
        assertThat(predictor.acceptsRawInput()).isTrue();
        List<Prediction> fromRaw = predictor.predictRaw(rawFloats);
        List<Prediction> fromValues = predictor.predictRows(values);
        for (int row = 0; row < 3; row++) {
            assertThat(fromRaw.get(row).probabilities()).containsExactly(fromValues.get(row).probabilities());
        }
        assertThat(fromRaw).extracting(Prediction::label).containsExactly("malignant", "malignant", "malignant");
    }

    @Test
    void rejectsRawRowOfWrongWidth() {
        ModelBundle bundle = TestBundles.train(TestData.breastCancer(), "diagnosis");
        assertThatExceptionOfType(InvalidFeatureException.class)
            .isThrownBy(() -> new TabularPredictor(bundle).predictRaw(new float[][] { new float[29] }))
            .withMessageStartingWith("expected 30 feature values in schema order (mean_radius, ")
            .withMessageEndingWith("), found 29");
    }

    @Test
    void answersConcurrentCallersAsASingleOneWould() throws Exception {
        TabularPredictor predictor = new TabularPredictor(MIXED);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(List.of(i / 5.0 - 5, List.of("lyon", "nice", "paris").get(i % 3)));
        }
        List<Prediction> expected = predictor.predictRows(rows);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int call = 0; call < 16; call++) {
                futures.add(executor.submit(() -> predictor.predictRows(rows)));
            }
            for (Future<List<Prediction>> future : futures) {
                List<Prediction> actual = future.get();
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(actual.get(i).probabilities()).containsExactly(expected.get(i).probabilities());
                }
            }
        }
        finally {
            executor.shutdown();
        }
    }

}
