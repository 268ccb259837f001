package ai.aimass.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.dl4j.training.LocalTrainer;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.preprocess.FeatureEncoding;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.ColumnType;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularRows;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * Small trained bundles for the tests.
 */
public final class TestBundles {

    private TestBundles() {
    }

    /**
     * Trains a bundle on a synthetic table with one numeric and one categorical feature:
     * the label is "high" when {@code x} plus the city's offset is positive.
     * @return the bundle
     */
    public static ModelBundle mixed() {
        Random random = new Random(5);
        List<String> cities = List.of("lyon", "nice", "paris");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double x = random.nextGaussian() * 3;
            int city = random.nextInt(cities.size());
            String label = (x + (city - 1) * 2 > 0) ? "high" : "low";
            rows.add(List.of(Double.toString(x), cities.get(city), label));
        }
        return train(new CsvTable(List.of("x", "city", "level"), rows), "level");
    }

    /**
     * Makes an untrained logistic regression over one numeric feature {@code x} (mean 0,
     * scale 1) with the labels "a" and "b", whose two logits are {@code weight * x} and
     * {@code -weight * x}: a large weight lets a moderate {@code x} overflow float32.
     * @param weight the weight of {@code x} in the first logit
     * @return the bundle
     */
    public static ModelBundle logistic(float weight) {
        TabularSchema schema = new TabularSchema(List.of(ColumnSchema.numeric("x")), "y", List.of("a", "b"));
        FeaturePreprocessor preprocessor = new FeaturePreprocessor(
                List.of(new FeatureEncoding("x", ColumnType.NUMERIC, 0, 1, List.of())));
        ModelSpec model = new ModelSpec(List.of(), null);
        float[] weights = { weight, -weight, 0, 0 };
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, "logistic", schema, preprocessor,
                schema.labelClasses(), model, LocalTrainer.sha256(weights), Map.of(), Map.of());
        return new ModelBundle(manifest, weights);
    }

    /**
     * Trains a bundle on a table for a few epochs.
     * @param table the table
     * @param labelColumn its label column
     * @return the bundle
     */
    public static ModelBundle train(CsvTable table, String labelColumn) {
        DatasetProfile profile = DatasetProfiler.profile(table, labelColumn);
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(profile.schema(), List.of(profile));
        List<String> labels = profile.schema().labelClasses();
        TabularRows rows = TabularRows.of(table, profile.schema(), labels);
        ModelSpec model = new ModelSpec(List.of(new LayerSpec(8, "relu")), null);
        TrainingSpec training = new TrainingSpec(5, 32, 0.01, "adam", 1L, 0.0);
        float[] weights = new LocalTrainer()
            .train(model, training, null, preprocessor.encodeAll(rows.featureCells()), rows.labelIndexes(),
                    labels.size(), 1)
            .weights();
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, "test-model", profile.schema(),
                preprocessor, labels, model, LocalTrainer.sha256(weights), Map.of("accuracy", 0.9), Map.of("seed", 1));
        return new ModelBundle(manifest, weights);
    }

}
