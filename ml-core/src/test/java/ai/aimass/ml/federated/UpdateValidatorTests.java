package ai.aimass.ml.federated;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UpdateValidatorTests {

    @Test
    void acceptsUpdateWithinEveryBoundAndReturnsItsNorm() {
        ClientUpdate update = new ClientUpdate("a", new float[] { 3, 4 }, 10);
        assertThat(UpdateValidator.validate(update, 2, 5.0)).isEqualTo(5.0);
    }

    @Test
    void rejectsUpdateWhoseShapeDiffersFromGlobalModel() {
        assertRejected(new ClientUpdate("a", new float[3], 10), 2, 10,
                "update from \"a\": expected 2 weights, found 3");
    }

    @Test
    void rejectsNaNWeight() {
        assertRejected(new ClientUpdate("a", new float[] { 1, Float.NaN }, 10), 2, 10,
                "update from \"a\": expected finite weights, found NaN at index 1");
    }

    @Test
    void rejectsInfiniteWeight() {
        assertRejected(new ClientUpdate("a", new float[] { Float.NEGATIVE_INFINITY, 0 }, 10), 2, 10,
                "update from \"a\": expected finite weights, found -Infinity at index 0");
    }

    @Test
    void rejectsNormAboveBound() {
        assertRejected(new ClientUpdate("a", new float[] { 3, 4 }, 10), 2, 4.5,
                "update from \"a\": expected an L2 norm of at most 4.5, found 5.0");
    }

    @Test
    void rejectsNonPositiveExampleCount() {
        assertRejected(new ClientUpdate("a", new float[] { 3, 4 }, 0), 2, 10,
                "update from \"a\": expected a positive example count, found 0");
    }

    private static void assertRejected(ClientUpdate update, int length, double maxNorm, String message) {
        assertThatExceptionOfType(InvalidUpdateException.class)
            .isThrownBy(() -> UpdateValidator.validate(update, length, maxNorm))
            .withMessage(message)
            .extracting(InvalidUpdateException::participant)
            .isEqualTo("a");
    }

}
