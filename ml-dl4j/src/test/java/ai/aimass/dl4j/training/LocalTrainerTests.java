package ai.aimass.dl4j.training;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.aimass.dl4j.TestData;
import ai.aimass.dl4j.TestData.Blobs;
import ai.aimass.dl4j.network.NetworkFactory;
import ai.aimass.ml.metrics.ClassificationMetrics;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.spec.TrainingSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class LocalTrainerTests {

    private static final ModelSpec MODEL = new ModelSpec(List.of(new LayerSpec(8, "relu")), null);

    private static final TrainingSpec TRAINING = new TrainingSpec(3, 16, 0.01, "adam", null, null);

    private static final Blobs BLOBS = TestData.blobs(200, 5, 1);

    private final LocalTrainer trainer = new LocalTrainer();

    @Test
    void givesSameWeightsDigestForSameSeed() {
        String first = LocalTrainer.sha256(train(null, 42).weights());
        String second = LocalTrainer.sha256(train(null, 42).weights());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void givesAnotherWeightsDigestForAnotherSeed() {
        assertThat(LocalTrainer.sha256(train(null, 43).weights()))
            .isNotEqualTo(LocalTrainer.sha256(train(null, 42).weights()));
    }

    @Test
    void givesSameWeightsWhenTrainingInParallel() throws Exception {
        String sequential = LocalTrainer.sha256(train(null, 42).weights());
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<LocalTrainingResult> first = executor.submit(() -> train(null, 42));
            Future<LocalTrainingResult> second = executor.submit(() -> train(null, 42));
            assertThat(LocalTrainer.sha256(first.get().weights())).isEqualTo(sequential);
            assertThat(LocalTrainer.sha256(second.get().weights())).isEqualTo(sequential);
        }
        finally {
            executor.shutdown();
        }
    }

    @Test
    void startingFromSeededInitialWeightsEqualsFreshInitialisation() {
        float[] initial = NetworkFactory.build(MODEL, TRAINING, 5, 2, 42).params().toFloatVector();
        assertThat(train(initial, 42).weights()).containsExactly(train(null, 42).weights());
    }

    @Test
    void continuesFromGivenWeights() {
        float[] afterOneRun = train(null, 42).weights();
        LocalTrainingResult second = train(afterOneRun, 42);
        assertThat(second.weights()).hasSameSizeAs(afterOneRun).isNotEqualTo(afterOneRun);
        assertThat(second.meanLoss()).isLessThan(train(null, 42).meanLoss());
    }

    @Test
    void reportsExampleCountLossAndTime() {
        LocalTrainingResult result = train(null, 42);
        assertThat(result.exampleCount()).isEqualTo(200);
        assertThat(result.meanLoss()).isPositive().isLessThan(1.0);
        assertThat(result.trainingNanos()).isPositive();
        assertThat(result.weights()).hasSize(NetworkFactory.parameterCount(MODEL, 5, 2));
    }

    @Test
    void learnsSeparableClasses() {
        float[] weights = train(null, 42).weights();
        double[][] probabilities = LocalTrainer.predictProbabilities(MODEL, weights, 5, 2, BLOBS.features());
        assertThat(ClassificationMetrics.accuracy(BLOBS.labels(), ClassificationMetrics.argmax(probabilities)))
            .isGreaterThan(0.95);
        assertThat(probabilities[0][0] + probabilities[0][1]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void rejectsLabelOutsideClassCount() {
        int[] labels = BLOBS.labels().clone();
        labels[3] = 2;
        assertThatIllegalArgumentException()
            .isThrownBy(() -> this.trainer.train(MODEL, TRAINING, null, BLOBS.features(), labels, 2, 1))
            .withMessage("labels[3]: expected a class from 0 to 1, found 2");
    }

    @Test
    void rejectsInitialWeightsOfAnotherLength() {
        assertThatIllegalArgumentException().isThrownBy(() -> train(new float[10], 1))
            .withMessage("weights: expected 66 weights as the network has, found 10");
    }

    private LocalTrainingResult train(float[] initialWeights, long seed) {
        return this.trainer.train(MODEL, TRAINING, initialWeights, BLOBS.features(), BLOBS.labels(), 2, seed);
    }

}
