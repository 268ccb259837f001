package ai.aimass.ml.federated;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class FederatedAveragingTests {

    @Test
    void weightsEachUpdateByItsExampleCount() {
        ClientUpdate a = new ClientUpdate("a", new float[] { 1, 10 }, 1);
        ClientUpdate b = new ClientUpdate("b", new float[] { 4, 40 }, 3);
        assertThat(FederatedAveraging.aggregate(List.of(a, b))).containsExactly(3.25f, 32.5f);
    }

    @Test
    void equalsPlainReferenceComputation() {
        List<ClientUpdate> updates = randomUpdates(7, 1000, 11);
        float[] aggregated = FederatedAveraging.aggregate(updates);
        float[] reference = reference(updates);
        for (int i = 0; i < reference.length; i++) {
            assertThat(aggregated[i]).isCloseTo(reference[i], within(1e-6f));
        }
    }

    @Test
    void givesBitIdenticalWeightsForSameOrder() {
        List<ClientUpdate> updates = randomUpdates(5, 5000, 3);
        float[] first = FederatedAveraging.aggregate(updates);
        float[] second = FederatedAveraging.aggregate(new ArrayList<>(updates));
        assertThat(second).containsExactly(first);
    }

    @Test
    void givesNearlyEqualWeightsForAnotherOrder() {
        List<ClientUpdate> updates = randomUpdates(5, 5000, 3);
        List<ClientUpdate> reversed = new ArrayList<>(updates);
        Collections.reverse(reversed);
        float[] forward = FederatedAveraging.aggregate(updates);
        float[] backward = FederatedAveraging.aggregate(reversed);
        for (int i = 0; i < forward.length; i++) {
            assertThat(backward[i]).isCloseTo(forward[i], within(1e-6f));
        }
    }

    @Test
    void returnsSingleUpdateUnchanged() {
        float[] weights = { 0.1f, -0.2f, 0.3f };
        assertThat(FederatedAveraging.aggregate(List.of(new ClientUpdate("a", weights, 17)))).containsExactly(weights);
    }

    @Test
    void rejectsEmptyList() {
        assertThatIllegalArgumentException().isThrownBy(() -> FederatedAveraging.aggregate(List.of()))
            .withMessage("expected at least 1 client update, found none");
    }

    @Test
    void rejectsUpdatesOfDifferentLengths() {
        List<ClientUpdate> updates = List.of(new ClientUpdate("a", new float[3], 1),
                new ClientUpdate("b", new float[2], 1));
        assertThatIllegalArgumentException().isThrownBy(() -> FederatedAveraging.aggregate(updates))
            .withMessage("update from \"b\": expected 3 weights as in the first update, found 2");
    }

    @Test
    void rejectsNonPositiveExampleCount() {
        List<ClientUpdate> updates = List.of(new ClientUpdate("a", new float[3], 0));
        assertThatIllegalArgumentException().isThrownBy(() -> FederatedAveraging.aggregate(updates))
            .withMessage("update from \"a\": expected a positive example count, found 0");
    }

    private static float[] reference(List<ClientUpdate> updates) {
        double total = 0;
        for (ClientUpdate update : updates) {
            total += update.exampleCount();
        }
        float[] result = new float[updates.get(0).weights().length];
        for (int i = 0; i < result.length; i++) {
            double value = 0;
            for (ClientUpdate update : updates) {
                value += update.weights()[i] * (update.exampleCount() / total);
            }
            result[i] = (float) value;
        }
        return result;
    }

    private static List<ClientUpdate> randomUpdates(int count, int length, long seed) {
        Random random = new Random(seed);
        List<ClientUpdate> updates = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            float[] weights = new float[length];
            for (int i = 0; i < length; i++) {
                weights[i] = (float) random.nextGaussian();
            }
            updates.add(new ClientUpdate("p" + k, weights, 1 + random.nextInt(500)));
        }
        return updates;
    }

}
