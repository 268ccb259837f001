package ai.aimass.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.dl4j.training.LocalTrainer;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularRows;

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
