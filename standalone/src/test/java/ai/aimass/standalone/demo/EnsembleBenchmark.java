package ai.aimass.standalone.demo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import ai.aimass.dl4j.ensemble.EncodedRows;
import ai.aimass.dl4j.ensemble.EnsembleInput;
import ai.aimass.dl4j.ensemble.EnsembleTrainer;
import ai.aimass.dl4j.ensemble.ParticipantRows;
import ai.aimass.dl4j.ensemble.TrainedEnsemble;
import ai.aimass.dl4j.training.LocalTrainer;
import ai.aimass.ml.federated.ClientUpdate;
import ai.aimass.ml.federated.FederatedAveraging;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.partition.TrainValidationSplit;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.ParticipantSpec;
import ai.aimass.ml.spec.TrainingSpec;
import ai.aimass.ml.tabular.CsvParser;
import ai.aimass.ml.tabular.CsvTable;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.DatasetProfiler;
import ai.aimass.ml.tabular.TabularRows;

/**
 * The Java side of {@code bench/ensemble-benchmark.sh}: trains our ensembles on the
 * benchmark's folds and, on the demo's three hospitals, federated voting and stacking
 * beside FedAvg, and writes the results as JSON.
 * <p>
 * Arguments: the CSV, the fold file (one fold index per data row), the output JSON.
 */
public final class EnsembleBenchmark {

    static final TrainingSpec TRAINING = new TrainingSpec(50, 32, 0.01, "adam", 42L, 0.2);

    static final MemberSpec LOGISTIC = new MemberSpec(MemberSpec.TYPE_LOGISTIC, null, null, null, null, null);

    static final MemberSpec MLP = new MemberSpec(MemberSpec.TYPE_MLP, List.of(new LayerSpec(16, "relu")), null, null,
            null, null);

    static final MemberSpec TREE = new MemberSpec(MemberSpec.TYPE_TREE, null, 6, 1, null, null);

    static final MemberSpec FULL_TREE = new MemberSpec(MemberSpec.TYPE_TREE, null, MemberSpec.MAX_DEPTH, 1, null, null);

    static final MemberSpec STUMP = new MemberSpec(MemberSpec.TYPE_TREE, null, 1, 1, null, null);

    static final List<MemberSpec> MIXED = List.of(LOGISTIC, MLP, TREE);

    private EnsembleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CsvTable table;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            table = CsvParser.parse(in, 1 << 22);
        }
        int[] foldOf = Files.readAllLines(Path.of(args[1]))
            .stream()
            .filter((line) -> !line.isBlank())
            .mapToInt(Integer::parseInt)
            .toArray();
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        Map<String, Object> results = new LinkedHashMap<>();
        try {
            EnsembleTrainer trainer = new EnsembleTrainer(pool);
            results.put("crossValidation", crossValidate(trainer, table, foldOf));
            results.put("federated", federated(trainer, table));
        }
        finally {
            pool.shutdownNow();
        }
        Files.writeString(Path.of(args[2]), MlJson.mapper().writeValueAsString(results), StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> crossValidate(EnsembleTrainer trainer, CsvTable table, int[] foldOf)
            throws InterruptedException {
        Map<String, EnsembleSpec> models = new LinkedHashMap<>();
        models.put("bagging", central(EnsembleSpec.METHOD_BAGGING, List.of(FULL_TREE), 10, null, null));
        models.put("adaboost", central(EnsembleSpec.METHOD_ADABOOST, List.of(STUMP), 50, null, null));
        models.put("stacking", central(EnsembleSpec.METHOD_STACKING, MIXED, null, null, null));
        models.put("voting-soft", central(EnsembleSpec.METHOD_VOTING, MIXED, null, "soft", List.of(1.0, 1.0, 1.0)));
        models.put("voting-hard", central(EnsembleSpec.METHOD_VOTING, MIXED, null, "hard", List.of(1.0, 1.0, 1.0)));
        models.put("voting-soft-fitted", central(EnsembleSpec.METHOD_VOTING, MIXED, null, "soft", null));
        models.put("logistic", single(LOGISTIC));
        models.put("mlp", single(MLP));
        models.put("tree-6", single(TREE));
        models.put("tree-full", single(FULL_TREE));
        models.put("stump", single(STUMP));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> labels = DatasetProfiler.profile(table, "diagnosis").schema().labelClasses();
        int folds = IntStream.of(foldOf).max().orElseThrow() + 1;
        for (int fold = 0; fold < folds; fold++) {
            int held = fold;
            CsvTable train = table.subset(IntStream.range(0, foldOf.length).filter((r) -> foldOf[r] != held).toArray());
            CsvTable test = table.subset(IntStream.range(0, foldOf.length).filter((r) -> foldOf[r] == held).toArray());
            DatasetProfile profile = DatasetProfiler.profile(train, "diagnosis");
            FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(profile.schema(), List.of(profile));
            EncodedRows trainRows = encode(train, profile, preprocessor, labels);
            EncodedRows testRows = encode(test, profile, preprocessor, labels);
            for (Map.Entry<String, EnsembleSpec> model : models.entrySet()) {
                boolean holdOut = model.getValue().weights() == null
                        && EnsembleSpec.METHOD_VOTING.equals(model.getValue().method());
                ParticipantRows part = holdOut ? split("fold", trainRows, 0.2, 42)
                        : new ParticipantRows("fold", trainRows, new EncodedRows(new double[0][], new int[0]));
                long start = System.nanoTime();
                TrainedEnsemble ensemble = trainer.train(
                        new EnsembleInput(model.getValue(), TRAINING, preprocessor, labels, List.of(part)),
                        (completed, total, report) -> {
                        });
                double trainMillis = (System.nanoTime() - start) / 1e6;
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", model.getKey());
                row.put("fold", fold);
                row.put("accuracy", accuracy(ensemble, testRows));
                row.put("trainMillis", trainMillis);
                row.put("metrics", ensemble.metrics());
                rows.add(row);
                System.out.printf("fold %d %-20s %.4f %8.0f ms%n", fold, model.getKey(), row.get("accuracy"),
                        trainMillis);
            }
        }
        return rows;
    }

    /**
     * FedAvg and our federated ensembles on the demo's hospitals, scored on its hold-out.
     */
    private static Map<String, Object> federated(EnsembleTrainer trainer, CsvTable table) throws InterruptedException {
        int labelIndex = table.columnIndex("diagnosis");
        HospitalSplit.Result split = HospitalSplit.split(table.rows(), labelIndex, 0.15, new double[] { 0.5, 0.3, 0.2 },
                new double[] { 0.25, 0.40 }, 42);
        List<String> names = List.of("hospital-a", "hospital-b", "hospital-c");
        List<DatasetProfile> profiles = new ArrayList<>();
        List<CsvTable> hospitals = new ArrayList<>();
        for (List<List<String>> rows : split.hospitals()) {
            CsvTable hospital = new CsvTable(table.header(), rows);
            hospitals.add(hospital);
            profiles.add(DatasetProfiler.profile(hospital, "diagnosis"));
        }
        DatasetProfile first = profiles.get(0);
        List<String> labels = DatasetProfiler.profile(table, "diagnosis").schema().labelClasses();
        FeaturePreprocessor preprocessor = FeaturePreprocessor.combine(first.schema(), profiles);
        List<ParticipantRows> parts = new ArrayList<>();
        for (int h = 0; h < hospitals.size(); h++) {
            parts.add(split(names.get(h), encode(hospitals.get(h), first, preprocessor, labels), 0.2, 42));
        }
        EncodedRows holdOut = encode(new CsvTable(table.header(), split.holdOut()), first, preprocessor, labels);
        List<ParticipantSpec> participants = names.stream()
            .map((name) -> new ParticipantSpec(name, UUID.randomUUID()))
            .toList();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("holdOutRows", holdOut.size());
        results.put("hospitalRows", hospitals.stream().map(CsvTable::rowCount).toList());
        for (String method : List.of(EnsembleSpec.METHOD_VOTING, EnsembleSpec.METHOD_STACKING)) {
            EnsembleSpec spec = new EnsembleSpec(method, null, participants, MIXED, null, null, null, null, null, null);
            long start = System.nanoTime();
            TrainedEnsemble ensemble = trainer.train(new EnsembleInput(spec, TRAINING, preprocessor, labels, parts),
                    (completed, total, report) -> {
                    });
            results.put("federated-" + method, Map.of("accuracy", accuracy(ensemble, holdOut), "trainMillis",
                    (System.nanoTime() - start) / 1e6, "members", ensemble.memberModels().size()));
        }
        for (MemberSpec kind : List.of(MLP, LOGISTIC)) {
            long start = System.nanoTime();
            double accuracy = fedAvg(kind.networkModel(), parts, preprocessor, labels.size(), holdOut);
            results.put("fedavg-" + kind.type(),
                    Map.of("accuracy", accuracy, "trainMillis", (System.nanoTime() - start) / 1e6));
        }
        System.out.println("federated " + results);
        return results;
    }

    /**
     * FedAvg as the platform's federated jobs run it: {@value #FEDAVG_ROUNDS} rounds of
     * one local epoch on every hospital's training rows, averaged by row count.
     */
    private static double fedAvg(ModelSpec model, List<ParticipantRows> parts, FeaturePreprocessor preprocessor,
            int classCount, EncodedRows holdOut) {
        LocalTrainer trainer = new LocalTrainer();
        TrainingSpec local = new TrainingSpec(1, TRAINING.batchSize(), TRAINING.learningRate(), TRAINING.optimizer(),
                TRAINING.seed(), TRAINING.validationFraction());
        float[] global = null;
        for (int round = 0; round < FEDAVG_ROUNDS; round++) {
            List<ClientUpdate> updates = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                EncodedRows rows = parts.get(p).train();
                float[] weights = trainer
                    .train(model, local, global, rows.features(), rows.labels(), classCount,
                            TRAINING.seed() + round * 31L + p)
                    .weights();
                updates.add(new ClientUpdate(parts.get(p).name(), weights, rows.size()));
            }
            global = FederatedAveraging.aggregate(updates);
        }
        double[][] probabilities = LocalTrainer.predictProbabilities(model, global, preprocessor.inputWidth(),
                classCount, holdOut.features());
        return ClassificationMetrics.accuracy(holdOut.labels(), ClassificationMetrics.argmax(probabilities));
    }

    static final int FEDAVG_ROUNDS = 50;

    private static double accuracy(TrainedEnsemble ensemble, EncodedRows rows) {
        return ClassificationMetrics.accuracy(rows.labels(),
                ClassificationMetrics.argmax(ensemble.predictProbabilities(rows.features())));
    }

    private static EnsembleSpec central(String method, List<MemberSpec> members, Integer size, String voting,
            List<Double> weights) {
        return new EnsembleSpec(method, UUID.randomUUID(), null, members, size, null, null, voting, weights, null);
    }

    /**
     * A single member, as a one-member voting ensemble of weight 1 (its own
     * probabilities).
     */
    private static EnsembleSpec single(MemberSpec member) {
        return central(EnsembleSpec.METHOD_VOTING, List.of(member), null, "soft", List.of(1.0));
    }

    private static EncodedRows encode(CsvTable table, DatasetProfile profile, FeaturePreprocessor preprocessor,
            List<String> labels) {
        TabularRows rows = TabularRows.of(table, profile.schema(), labels);
        return new EncodedRows(preprocessor.encodeAll(rows.featureCells()), rows.labelIndexes());
    }

    private static ParticipantRows split(String name, EncodedRows rows, double fraction, long seed) {
        TrainValidationSplit.Split split = TrainValidationSplit.split(rows.labels(), fraction, seed);
        return new ParticipantRows(name, subset(rows, split.trainRows()), subset(rows, split.validationRows()));
    }

    private static EncodedRows subset(EncodedRows rows, int[] indexes) {
        double[][] features = new double[indexes.length][];
        int[] labels = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            features[i] = rows.features()[indexes[i]];
            labels[i] = rows.labels()[indexes[i]];
        }
        return new EncodedRows(features, labels);
    }

}
