package ai.aimass.inference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.aimass.dl4j.bundle.BundleCodec;
import ai.aimass.dl4j.bundle.EnsembleBundleCodec;
import ai.aimass.dl4j.bundle.ModelBundles;
import ai.aimass.dl4j.ensemble.EncodedRows;
import ai.aimass.dl4j.ensemble.EnsembleInput;
import ai.aimass.dl4j.ensemble.EnsembleTrainer;
import ai.aimass.dl4j.ensemble.ParticipantRows;
import ai.aimass.dl4j.ensemble.TrainedEnsemble;
import ai.aimass.dl4j.bundle.ModelBundle;
import ai.aimass.dl4j.training.LocalTrainer;
import ai.aimass.dl4j.training.LocalTrainingResult;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.preprocess.FeatureEncoding;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.partition.TrainValidationSplit;
import ai.aimass.ml.partition.TrainValidationSplit.Split;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularRows;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * Small real models for tests: MLPs trained on the Breast Cancer Wisconsin (Diagnostic)
 * data, once per test JVM, and the patients of that file as requests would send them.
 */
final class TestModels {

    static final String LABEL_COLUMN = "diagnosis";

    static final String SIDE_COLUMN = "side";

    private static TestModels instance;

    private final CsvTable table;

    private final TabularSchema schema;

    private final FeaturePreprocessor preprocessor;

    private final ModelBundle first;

    private final ModelBundle second;

    private final ModelBundle sided;

    private final byte[] ensemble;

    private TestModels() {
        this.table = readTable();
        DatasetProfile profile = DatasetProfiler.profile(this.table, LABEL_COLUMN);
        this.schema = profile.schema();
        this.preprocessor = FeaturePreprocessor.combine(this.schema, List.of(profile));
        TabularRows rows = TabularRows.of(this.table, this.schema, this.schema.labelClasses());
        double[][] features = this.preprocessor.encodeAll(rows.featureCells());
        this.first = train(this.schema, this.preprocessor, features, rows.labelIndexes(), 7L, 2);
        this.second = train(this.schema, this.preprocessor, features, rows.labelIndexes(), 11L, 3);
        this.sided = trainSided(withSideColumn(this.table));
        this.ensemble = trainEnsemble(this.schema, this.preprocessor, features, rows.labelIndexes());
    }

    static synchronized TestModels get() {
        if (instance == null) {
            instance = new TestModels();
        }
        return instance;
    }

    TabularSchema schema() {
        return this.schema;
    }

    /** The bundle published as version 1 of each test model. */
    byte[] firstBundle() {
        return BundleCodec.write(this.first);
    }

    /**
     * The bundle published as version 2 of each test model, trained with another seed.
     */
    byte[] secondBundle() {
        return BundleCodec.write(this.second);
    }

    /**
     * A bundle whose schema adds a categorical feature, {@value #SIDE_COLUMN}, to the
     * numeric ones.
     */
    byte[] sidedBundle() {
        return BundleCodec.write(this.sided);
    }

    /**
     * A soft-voting ensemble of a logistic regression and a tree, trained on the whole
     * file as one dataset.
     */
    byte[] ensembleBundle() {
        return this.ensemble;
    }

    String schemaJson(byte[] bundle) {
        return MlJson.mapper().writeValueAsString(ModelBundles.readPredictor(bundle).manifest().schema());
    }

    String weightsSha256(byte[] bundle) {
        return ModelBundles.readPredictor(bundle).manifest().weightsSha256();
    }

    /** A patient of the data file (0-based, header excluded) as named feature values. */
    Map<String, Object> patient(int row) {
        List<String> header = this.table.header();
        List<String> cells = this.table.rows().get(row);
        Map<String, Object> features = new LinkedHashMap<>();
        for (String name : this.schema.featureNames()) {
            features.put(name, Double.parseDouble(cells.get(header.indexOf(name))));
        }
        return features;
    }

    /** A patient's feature values in schema order. */
    List<Object> patientValues(int row) {
        return List.copyOf(patient(row).values());
    }

    /**
     * Named feature values that each standardise to the same value for both bundles: near
     * the float32 limit, they are each accepted but overflow inside the network.
     */
    Map<String, Object> extremePatient(double standardised) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (FeatureEncoding feature : this.preprocessor.features()) {
            features.put(feature.name(), feature.mean() + standardised * feature.scale());
        }
        return features;
    }

    String diagnosis(int row) {
        return this.table.rows().get(row).get(this.table.header().indexOf(LABEL_COLUMN));
    }

    private static ModelBundle train(TabularSchema schema, FeaturePreprocessor preprocessor, double[][] features,
            int[] labels, long seed, int epochs) {
        ModelSpec model = new ModelSpec(List.of(new LayerSpec(8, "relu")), "softmax");
        TrainingSpec training = new TrainingSpec(epochs, 32, 0.01, "adam", seed, 0.2);
        List<String> classes = schema.labelClasses();
        LocalTrainingResult result = new LocalTrainer().train(model, training, null, features, labels, classes.size(),
                seed);
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, "breast-cancer", schema,
                preprocessor, classes, model, LocalTrainer.sha256(result.weights()),
                Map.of("finalLoss", result.meanLoss()), Map.of("seed", seed, "epochs", epochs));
        return new ModelBundle(manifest, result.weights());
    }

    private static byte[] trainEnsemble(TabularSchema schema, FeaturePreprocessor preprocessor, double[][] features,
            int[] labels) {
        Split split = TrainValidationSplit.split(labels, 0.2, 5);
        ParticipantRows part = new ParticipantRows("whole-file", rows(features, labels, split.trainRows()),
                rows(features, labels, split.validationRows()));
        EnsembleSpec voting = new EnsembleSpec(EnsembleSpec.METHOD_VOTING, UUID.randomUUID(), null,
                List.of(new MemberSpec(MemberSpec.TYPE_LOGISTIC, null, null, null, null, null),
                        new MemberSpec(MemberSpec.TYPE_TREE, null, 3, 2, null, null)),
                null, null, null, EnsembleSpec.VOTING_SOFT, null, null);
        TrainingSpec training = new TrainingSpec(3, 32, 0.01, "adam", 17L, 0.2);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            TrainedEnsemble trained = new EnsembleTrainer(pool).train(
                    new EnsembleInput(voting, training, preprocessor, schema.labelClasses(), List.of(part)),
                    (completed, total, report) -> {
                    });
            return EnsembleBundleCodec.write("breast-cancer-ensemble", schema, preprocessor, schema.labelClasses(),
                    trained.metrics(), Map.of(), trained);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static EncodedRows rows(double[][] features, int[] labels, int[] indexes) {
        double[][] selected = new double[indexes.length][];
        int[] selectedLabels = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            selected[i] = features[indexes[i]];
            selectedLabels[i] = labels[indexes[i]];
        }
        return new EncodedRows(selected, selectedLabels);
    }

    private static ModelBundle trainSided(CsvTable table) {
        DatasetProfile profile = DatasetProfiler.profile(table, LABEL_COLUMN);
        TabularSchema schema = profile.schema();
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(schema, List.of(profile));
        TabularRows rows = TabularRows.of(table, schema, schema.labelClasses());
        return train(schema, preprocessor, preprocessor.encodeAll(rows.featureCells()), rows.labelIndexes(), 13L, 1);
    }

    private static CsvTable withSideColumn(CsvTable table) {
        List<String> header = new ArrayList<>(table.header());
        header.add(SIDE_COLUMN);
        List<List<String>> rows = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            List<String> cells = new ArrayList<>(table.rows().get(row));
            cells.add((row % 2 == 0) ? "left" : "right");
            rows.add(cells);
        }
        return new CsvTable(header, rows);
    }

    private static CsvTable readTable() {
        try (InputStream in = TestModels.class.getResourceAsStream("/breast-cancer-wisconsin-diagnostic.csv")) {
            return CsvParser.parse(in, 10_000_000);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
