package ai.aimass.ml.bundle;

import java.util.List;
import java.util.Objects;

import ai.aimass.ml.spec.ModelSpec;

/**
 * One member of an ensemble bundle: what it is, what it reads, where its parameters are
 * stored and their digest.
 * <p>
 * A network member ({@code mlp} or {@code logistic}) stores its flat weights as
 * little-endian float32 in {@code entry}, {@code model.parameterCount(inputs.size(),
 * classes)} of them; a {@code tree} member stores its nodes as JSON (see
 * {@link ai.aimass.ml.tree.DecisionTree}) and has no {@code model}.
 *
 * @param index the member's index, its position in the list
 * @param type {@code mlp}, {@code logistic} or {@code tree}
 * @param participant the participant whose rows trained it, or null when centralised
 * @param seed the member's seed
 * @param inputs the encoded inputs the member reads, indexes into the preprocessor's
 * encoded row, ascending
 * @param model the network architecture, or null for a tree
 * @param entry the zip entry holding the member's parameters
 * @param sha256 the SHA-256 of that entry's bytes, lower-case hex
 * @param weight the member's weight in the combination (1 where the method has none)
 */
public record EnsembleMemberManifest(int index, String type, String participant, long seed, List<Integer> inputs,
        ModelSpec model, String entry, String sha256, double weight) {

    public EnsembleMemberManifest {
        Objects.requireNonNull(type, "type");
        inputs = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(sha256, "sha256");
    }

}
