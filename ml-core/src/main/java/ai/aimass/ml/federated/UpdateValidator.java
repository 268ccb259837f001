package ai.aimass.ml.federated;

/**
 * Checks a client update before it is aggregated: its shape, that every weight is finite,
 * that its L2 norm is within a bound, and that it trained on at least one example.
 * <p>
 * The norm bound limits how far one faulty or hostile participant can drag the global
 * model; it is a sanity check, not a defence against a careful attacker.
 */
public final class UpdateValidator {

    private UpdateValidator() {
    }

    /**
     * Validates an update.
     * @param update the update
     * @param expectedLength the length of the global model's weight vector
     * @param maxNorm the largest accepted L2 norm of the weights
     * @return the L2 norm of the update's weights
     * @throws InvalidUpdateException when the update breaks a rule
     */
    public static double validate(ClientUpdate update, int expectedLength, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("maxNorm: expected a positive number, found " + maxNorm);
        }
        String where = "update from \"" + update.participant() + "\"";
        float[] weights = update.weights();
        if (weights.length != expectedLength) {
            throw invalid(update, where + ": expected " + expectedLength + " weights, found " + weights.length);
        }
        if (update.exampleCount() <= 0) {
            throw invalid(update, where + ": expected a positive example count, found " + update.exampleCount());
        }
        double sumOfSquares = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!Float.isFinite(weights[i])) {
                throw invalid(update, where + ": expected finite weights, found " + weights[i] + " at index " + i);
            }
            sumOfSquares += (double) weights[i] * weights[i];
        }
        double norm = Math.sqrt(sumOfSquares);
        if (norm > maxNorm) {
            throw invalid(update, where + ": expected an L2 norm of at most " + maxNorm + ", found " + norm);
        }
        return norm;
    }

    private static InvalidUpdateException invalid(ClientUpdate update, String message) {
        return new InvalidUpdateException(update.participant(), message);
    }

}
