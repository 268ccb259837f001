package ai.aimass.dl4j.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.aimass.dl4j.ensemble.EnsembleFixtures.BreastCancer;
import ai.aimass.ml.ensemble.CombinerFit;
import ai.aimass.ml.ensemble.EnsembleCombiner;
import ai.aimass.ml.ensemble.MemberScores;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.preprocess.FeatureEncoding;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.EnsembleSpec;
import ai.aimass.ml.spec.MemberSpec;
import ai.aimass.ml.tabular.ColumnType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class EnsembleTrainerTests {

    private static ExecutorService pool;

    private static BreastCancer data;

    private static ParticipantRows part;

    @BeforeAll
    static void start() {
        pool = Executors.newFixedThreadPool(2);
        data = EnsembleFixtures.breastCancer();
        part = EnsembleFixtures.split("breast-cancer", data.rows(), 0.2, 7);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    @Test
    void reproducesTheEnsembleFromTheSeedWhateverThePool() throws Exception {
        EnsembleSpec spec = EnsembleFixtures.central(EnsembleSpec.METHOD_BAGGING,
                List.of(EnsembleFixtures.logistic(), EnsembleFixtures.tree(4, 2)), 4);
        EnsembleInput input = input(spec, part);
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            TrainedEnsemble first = new EnsembleTrainer(pool).train(input, (completed, total, report) -> {
            });
            TrainedEnsemble second = new EnsembleTrainer(pool).train(input, (completed, total, report) -> {
            });
            TrainedEnsemble serial = new EnsembleTrainer(single).train(input, (completed, total, report) -> {
            });
            assertThat(first.digest()).hasSize(64).isEqualTo(second.digest()).isEqualTo(serial.digest());
            assertThat(first.members()).extracting(MemberReport::seed)
                .containsExactlyElementsOf(serial.members().stream().map(MemberReport::seed).toList());
            assertThat(first.metrics()).isEqualTo(serial.metrics());
        }
        finally {
            single.shutdownNow();
        }
        EnsembleInput otherSeed = new EnsembleInput(spec,
                new ai.aimass.ml.spec.TrainingSpec(8, 32, 0.01, "adam", 8L, 0.2), data.preprocessor(), data.labels(),
                List.of(part));
        assertThat(new EnsembleTrainer(pool).train(otherSeed, (completed, total, report) -> {
        }).digest()).isNotEqualTo(new EnsembleTrainer(pool).train(input, (completed, total, report) -> {
        }).digest());
    }

    @Test
    void tellsTheListenerOfEachMemberOnceOnTheCallingThread() throws Exception {
        EnsembleSpec spec = EnsembleFixtures.voting(
                List.of(EnsembleFixtures.logistic(), EnsembleFixtures.tree(3, 1), EnsembleFixtures.mlp(8)), "soft",
                null, null);
        Thread caller = Thread.currentThread();
        List<String> calls = new ArrayList<>();
        TrainedEnsemble ensemble = new EnsembleTrainer(pool).train(input(spec, part), (completed, total, report) -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            calls.add(completed + "/" + total + ":" + report.index());
        });
        assertThat(calls).hasSize(3);
        assertThat(calls).extracting((call) -> call.substring(0, 4)).containsExactly("1/3:", "2/3:", "3/3:");
        assertThat(calls).extracting((call) -> call.substring(4)).containsExactlyInAnyOrder("0", "1", "2");
        assertThat(ensemble.members()).extracting(MemberReport::index).containsExactly(0, 1, 2);
        assertThat(ensemble.members()).extracting(MemberReport::type).containsExactly("logistic", "tree", "mlp");
        assertThat(ensemble.members().get(1).trainingLoss()).isNaN();
        assertThat(ensemble.members().get(0).validationAccuracy()).isGreaterThan(0.9);
    }

    @Test
    void estimatesOutOfBagAccuracyFromRowsEachMemberLeftOut() throws Exception {
        EnsembleSpec spec = new EnsembleSpec(EnsembleSpec.METHOD_BAGGING, UUID.randomUUID(), null,
                List.of(EnsembleFixtures.tree(6, 1)), 3, 0.5, null, null, null, null);
        TrainedEnsemble ensemble = new EnsembleTrainer(pool).train(input(spec, part), (completed, total, report) -> {
        });
        Map<String, Object> metrics = ensemble.metrics();
        int trainingRows = part.train().size();
        // With 3 samples of half the rows, a row is in none of them with probability
        // (1 - 1/n)^(1.5 n), about e^-1.5 = 0.22, and in at least one sample's gap with
        // probability 1 - (1 - e^-0.5)^3, about 0.94.
        assertThat((int) metrics.get("oobRows")).isBetween((int) (0.9 * trainingRows), trainingRows);
        double oob = (double) metrics.get("oobAccuracy");
        assertThat(oob).isBetween(0.85, 1.0);
        assertThat(oob).isCloseTo((double) metrics.get("validationAccuracy"), within(0.06));
        assertThat(metrics).containsEntry("bootstrapFraction", 0.5).containsEntry("memberCount", 3);
    }

    @Test
    void boostsThreeClasses() throws Exception {
        ParticipantRows blobs = threeBlobs(300, 11);
        EnsembleSpec spec = EnsembleFixtures.central(EnsembleSpec.METHOD_ADABOOST, List.of(EnsembleFixtures.tree(1, 1)),
                12);
        TrainedEnsemble ensemble = new EnsembleTrainer(pool).train(
                new EnsembleInput(spec, EnsembleFixtures.TRAINING, twoInputs(), List.of("a", "b", "c"), List.of(blobs)),
                (completed, total, report) -> {
                });
        Map<String, Object> metrics = ensemble.metrics();
        @SuppressWarnings("unchecked")
        List<Double> stageWeights = (List<Double>) metrics.get("stageWeights");
        assertThat(stageWeights).isNotEmpty().allSatisfy((weight) -> assertThat(weight).isPositive());
        assertThat(ensemble.combiner().weights()).hasSize(stageWeights.size());
        // A single stump separates at most two of the three classes.
        double firstStage = ensemble.members().get(0).validationAccuracy();
        assertThat(firstStage).isLessThan(0.72);
        assertThat((double) metrics.get("validationAccuracy")).isGreaterThan(0.9);
        assertThat(ensemble.predictProbabilities(blobs.validation().features())[0]).hasSize(3);
    }

    @Test
    void stopsBoostingAtAStageNoBetterThanChance() throws Exception {
        ParticipantRows noisy = symmetricNoise(400);
        EnsembleSpec spec = EnsembleFixtures.central(EnsembleSpec.METHOD_ADABOOST, List.of(EnsembleFixtures.tree(1, 1)),
                10);
        List<MemberReport> heard = new ArrayList<>();
        TrainedEnsemble ensemble = new EnsembleTrainer(pool).train(
                new EnsembleInput(spec, EnsembleFixtures.TRAINING, oneInput(), List.of("no", "yes"), List.of(noisy)),
                EnsembleFixtures.collecting(heard));
        // The one binary input admits one useful stump; after it both classes weigh 1/2
        // and the reweighted error of any stump is 1/2.
        assertThat(ensemble.metrics()).containsEntry("stagesKept", 1).containsEntry("stoppedEarly", true);
        assertThat((String) ensemble.metrics().get("stopReason"))
            .isEqualTo("stage 1 had weighted error 0.500000, no better than chance");
        assertThat(ensemble.members()).hasSize(1);
        assertThat(heard).hasSize(1);
        @SuppressWarnings("unchecked")
        List<Double> errors = (List<Double>) ensemble.metrics().get("stageErrors");
        assertThat(errors.get(0)).isCloseTo(0.2, within(1e-12));
        assertThat(ensemble.combiner().weights()[0]).isCloseTo(Math.log((1 - errors.get(0)) / errors.get(0)),
                within(1e-12));
    }

    @Test
    void failsWhenTheFirstStageIsNoBetterThanChance() {
        ParticipantRows coin = noisyCopy(200, 0.5, 6);
        EnsembleSpec spec = EnsembleFixtures.central(EnsembleSpec.METHOD_ADABOOST, List.of(EnsembleFixtures.tree(1, 1)),
                5);
        EnsembleInput input = new EnsembleInput(spec, EnsembleFixtures.TRAINING, constantInput(), List.of("no", "yes"),
                List.of(constantRows(coin)));
        assertThatExceptionOfType(MemberTrainingException.class)
            .isThrownBy(() -> new EnsembleTrainer(pool).train(input, (completed, total, report) -> {
            }))
            .satisfies((ex) -> {
                assertThat(ex.memberIndex()).isZero();
                assertThat(ex.memberType()).isEqualTo("tree");
                assertThat(ex.getMessage()).startsWith("member 0 (tree): its weighted training error 0.500000 ")
                    .contains("no better than chance (0.5 for 2 classes)");
            });
    }

    @Test
    void rejectsAdaBoostOnASingleClass() {
        EncodedRows rows = new EncodedRows(new double[][] { { 1 }, { 2 }, { 3 } }, new int[] { 1, 1, 1 });
        EnsembleSpec spec = EnsembleFixtures.central(EnsembleSpec.METHOD_ADABOOST, List.of(EnsembleFixtures.tree(1, 1)),
                3);
        EnsembleInput input = new EnsembleInput(spec, EnsembleFixtures.TRAINING, oneInput(), List.of("no", "yes"),
                List.of(new ParticipantRows("one", rows, rows)));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new EnsembleTrainer(pool).train(input, (completed, total, report) -> {
            }))
            .withMessage("ensemble.datasetId: expected training rows of at least 2 classes for adaboost, found only "
                    + "class \"yes\"");
    }

    @Test
    void rejectsMoreStackingFoldsThanRowsOfAClass() {
        EncodedRows rows = new EncodedRows(new double[][] { { 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 } },
                new int[] { 0, 0, 0, 0, 1, 1 });
        EnsembleSpec spec = new EnsembleSpec(EnsembleSpec.METHOD_STACKING, UUID.randomUUID(), null,
                List.of(EnsembleFixtures.tree(1, 1)), null, null, 3, null, null, null);
        EnsembleInput input = new EnsembleInput(spec, EnsembleFixtures.TRAINING, oneInput(), List.of("no", "yes"),
                List.of(new ParticipantRows("small", rows, rows)));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new EnsembleTrainer(pool).train(input, (completed, total, report) -> {
            }))
            .withMessage("ensemble.folds: expected at most 2 folds, as class \"yes\" has only 2 training rows, "
                    + "found 3");
    }

    @Test
    void rejectsMemberFeaturesOutsideTheData() {
        MemberSpec member = new MemberSpec(MemberSpec.TYPE_TREE, null, 2, null, List.of("mean_radius", "shoe_size"),
                null);
        EnsembleSpec spec = EnsembleFixtures.voting(List.of(member), "soft", null, null);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new EnsembleTrainer(pool).train(input(spec, part), (completed, total, report) -> {
            }))
            .withMessageStartingWith("ensemble.members[0].features[1]: expected a feature column of the data (")
            .withMessageEndingWith("), found \"shoe_size\"");
    }

    @Test
    void restrictsAMemberToItsFeatures() throws Exception {
        MemberSpec member = new MemberSpec(MemberSpec.TYPE_LOGISTIC, null, null, null,
                List.of("worst_radius", "mean_texture"), null);
        EnsembleSpec spec = EnsembleFixtures.voting(List.of(member), "soft", List.of(1.0), null);
        TrainedEnsemble ensemble = new EnsembleTrainer(pool).train(input(spec, part), (completed, total, report) -> {
        });
        int texture = data.preprocessor().featureNames().indexOf("mean_texture");
        int radius = data.preprocessor().featureNames().indexOf("worst_radius");
        assertThat(ensemble.memberModels().get(0).inputs()).containsExactly(texture, radius);
        // (2 inputs + 1) * 2 classes
        assertThat(ensemble.memberModels().get(0).weights()).hasSize(6);
    }

    @Test
    void failsAMemberThatCannotTrainNamingIt() {
        MemberSpec broken = new MemberSpec(MemberSpec.TYPE_MLP, List.of(new ai.aimass.ml.spec.LayerSpec(4, "softsign")),
                null, null, null, null);
        EnsembleSpec spec = EnsembleFixtures.voting(List.of(EnsembleFixtures.tree(2, 1), broken), "soft", null, null);
        assertThatExceptionOfType(MemberTrainingException.class)
            .isThrownBy(() -> new EnsembleTrainer(pool).train(input(spec, part), (completed, total, report) -> {
            }))
            .satisfies((ex) -> {
                assertThat(ex.memberIndex()).isEqualTo(1);
                assertThat(ex.getMessage()).startsWith("member 1 (mlp): model.layers[0].activation: expected one of");
            });
    }

    @Test
    void appliesGivenVotingWeightsExactly() throws Exception {
        List<MemberSpec> members = List.of(EnsembleFixtures.logistic(), EnsembleFixtures.tree(3, 1));
        EnsembleSpec spec = EnsembleFixtures.voting(members, "soft", List.of(0.5, 2.0), List.of(0.1, -0.1));
        TrainedEnsemble ensemble = new EnsembleTrainer(pool).train(input(spec, part), (completed, total, report) -> {
        });
        double[][] rows = part.validation().features();
        double[][] logistic = ensemble.memberModels().get(0).predictProbabilities(rows);
        double[][] tree = ensemble.memberModels().get(1).predictProbabilities(rows);
        double[][] combined = ensemble.predictProbabilities(rows);
        for (int row = 0; row < rows.length; row++) {
            double f0 = (0.5 * logistic[row][0] + 2.0 * tree[row][0]) / 2 + 0.1;
            double f1 = (0.5 * logistic[row][1] + 2.0 * tree[row][1]) / 2 - 0.1;
            double shift = Math.min(0, Math.min(f0, f1));
            double sum = (f0 - shift) + (f1 - shift);
            assertThat(combined[row][0]).isCloseTo((f0 - shift) / sum, within(1e-12));
        }
        assertThat(ensemble.metrics()).containsEntry("weightsFitted", false)
            .containsEntry("validationEstimate", "heldOut")
            .containsEntry("votingWeights", List.of(0.5, 2.0))
            .containsEntry("votingBias", List.of(0.1, -0.1));
    }

    /**
     * A tree grown to single rows memorises the training labels, 20% of which are flipped
     * here: on rows it saw it is always right, on others no better than its noise. Fitted
     * on predictions for rows the members saw, a meta-learner would trust the tree above
     * the logistic regression; fitted out of fold, it must trust the logistic regression.
     */
    @Test
    void fitsTheMetaLearnerOnlyOnRowsTheMembersDidNotSee() throws Exception {
        ParticipantRows noisy = noisyGaussian(400, 0.2, 21);
        MemberSpec memoriser = EnsembleFixtures.tree(32, 1);
        EnsembleSpec spec = new EnsembleSpec(EnsembleSpec.METHOD_STACKING, UUID.randomUUID(), null,
                List.of(EnsembleFixtures.logistic(), memoriser), null, null, 5, null, null, null);
        TrainedEnsemble ensemble = new EnsembleTrainer(pool).train(
                new EnsembleInput(spec, EnsembleFixtures.TRAINING, twoInputs(), List.of("no", "yes"), List.of(noisy)),
                (completed, total, report) -> {
                });
        double[][] seen = noisy.train().features();
        double[][] treeOnSeen = ensemble.memberModels().get(1).predictProbabilities(seen);
        assertThat(ClassificationMetrics.accuracy(noisy.train().labels(), ClassificationMetrics.argmax(treeOnSeen)))
            .isEqualTo(1.0);
        EnsembleCombiner meta = ensemble.combiner();
        assertThat(influence(meta, 0)).isGreaterThan(2 * influence(meta, 1));
        assertThat(ensemble.metrics()).containsEntry("metaFittedOn", "outOfFold").containsEntry("metaRows", 320);

        double[][][] inSample = TrainedEnsemble.memberProbabilities(ensemble.memberModels(), seen);
        double[][] outputs = new double[seen.length][];
        for (int row = 0; row < seen.length; row++) {
            outputs[row] = EnsembleCombiner.flatten(new double[][] { inSample[0][row], inSample[1][row] });
        }
        EnsembleCombiner leaky = CombinerFit
            .fitStacking(List.of(new MemberScores("seen", outputs, noisy.train().labels())), 2, 2);
        assertThat(influence(leaky, 1)).isGreaterThan(influence(leaky, 0));
    }

    @Test
    void votesAcrossParticipantsWithWeightsFittedByFederatedAveraging() throws Exception {
        List<ParticipantRows> hospitals = List.of(
                EnsembleFixtures.split("a", EnsembleFixtures.subset(data.rows(), range(0, 250)), 0.2, 1),
                EnsembleFixtures.split("b", EnsembleFixtures.subset(data.rows(), range(250, 569)), 0.2, 2));
        EnsembleSpec spec = EnsembleFixtures.federated(EnsembleSpec.METHOD_VOTING,
                List.of(EnsembleFixtures.logistic(), EnsembleFixtures.tree(3, 2)), List.of("a", "b"));
        TrainedEnsemble ensemble = new EnsembleTrainer(pool).train(
                new EnsembleInput(spec, EnsembleFixtures.TRAINING, data.preprocessor(), data.labels(), hospitals),
                (completed, total, report) -> {
                });
        assertThat(ensemble.members()).extracting(MemberReport::participant).containsExactly("a", "a", "b", "b");
        assertThat(ensemble.combiner().weights()).hasSize(4);
        @SuppressWarnings("unchecked")
        Map<String, Object> byParticipant = (Map<String, Object>) ensemble.metrics()
            .get("participantValidationAccuracy");
        assertThat(byParticipant).containsOnlyKeys("a", "b");
        // The weights were fitted on the validation rows, so each row is scored by
        // weights
        // refitted without it.
        assertThat(ensemble.metrics()).containsEntry("weightsFitted", true)
            .containsEntry("validationEstimate", "crossFitted");
        assertThat((double) ensemble.metrics().get("validationAccuracy")).isGreaterThan(0.9);
    }

    /** How much member k's class-1 probability moves the meta-learner's class-1 score. */
    private static double influence(EnsembleCombiner stacking, int member) {
        double[][] w = stacking.coefficients();
        return Math.abs((w[member * 2 + 1][1] - w[member * 2 + 1][0]) - (w[member * 2][1] - w[member * 2][0]));
    }

    private static EnsembleInput input(EnsembleSpec spec, ParticipantRows rows) {
        return new EnsembleInput(spec, EnsembleFixtures.TRAINING, data.preprocessor(), data.labels(), List.of(rows));
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    private static FeaturePreprocessor oneInput() {
        return new FeaturePreprocessor(List.of(new FeatureEncoding("x", ColumnType.NUMERIC, 0, 1, List.of())));
    }

    private static FeaturePreprocessor constantInput() {
        return oneInput();
    }

    private static FeaturePreprocessor twoInputs() {
        return new FeaturePreprocessor(List.of(new FeatureEncoding("x", ColumnType.NUMERIC, 0, 1, List.of()),
                new FeatureEncoding("y", ColumnType.NUMERIC, 0, 1, List.of())));
    }

    /** Three Gaussian blobs on a line, so that one stump separates at most two. */
    private static ParticipantRows threeBlobs(int rows, long seed) {
        Random random = new Random(seed);
        double[][] features = new double[rows][2];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            labels[row] = row % 3;
            features[row][0] = 3 * labels[row] + random.nextGaussian() * 0.5;
            features[row][1] = random.nextGaussian();
        }
        return EnsembleFixtures.split("blobs", new EncodedRows(features, labels), 0.2, seed);
    }

    /** One binary input that predicts the label except for a share of flipped labels. */
    private static ParticipantRows noisyCopy(int rows, double flipped, long seed) {
        Random random = new Random(seed);
        double[][] features = new double[rows][1];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            int x = row % 2;
            features[row][0] = x;
            labels[row] = (random.nextDouble() < flipped) ? 1 - x : x;
        }
        return EnsembleFixtures.split("noisy", new EncodedRows(features, labels), 0.2, seed);
    }

    /**
     * One binary input that gives the label but for every fifth pair of rows, flipped.
     */
    private static ParticipantRows symmetricNoise(int rows) {
        double[][] features = new double[rows][1];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            int x = row % 2;
            features[row][0] = x;
            labels[row] = ((row / 2) % 5 == 0) ? 1 - x : x;
        }
        EncodedRows all = new EncodedRows(features, labels);
        return new ParticipantRows("noisy", all, all);
    }

    private static ParticipantRows constantRows(ParticipantRows rows) {
        return new ParticipantRows(rows.name(), constant(rows.train()), constant(rows.validation()));
    }

    private static EncodedRows constant(EncodedRows rows) {
        double[][] features = new double[rows.size()][1];
        int[] labels = new int[rows.size()];
        for (int row = 0; row < rows.size(); row++) {
            labels[row] = row % 2;
        }
        return new EncodedRows(features, labels);
    }

    /** Two Gaussian inputs whose sum gives the label, with a share of labels flipped. */
    private static ParticipantRows noisyGaussian(int rows, double flipped, long seed) {
        Random random = new Random(seed);
        double[][] features = new double[rows][2];
        int[] labels = new int[rows];
        for (int row = 0; row < rows; row++) {
            features[row][0] = random.nextGaussian();
            features[row][1] = random.nextGaussian();
            int clean = (features[row][0] + features[row][1] > 0) ? 1 : 0;
            labels[row] = (random.nextDouble() < flipped) ? 1 - clean : clean;
        }
        return EnsembleFixtures.split("noisy", new EncodedRows(features, labels), 0.2, seed);
    }

}
