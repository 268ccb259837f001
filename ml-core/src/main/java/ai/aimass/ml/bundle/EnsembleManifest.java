package ai.aimass.ml.bundle;

import java.util.List;
import java.util.Objects;

import ai.aimass.ml.ensemble.EnsembleCombiner;

/**
 * The ensemble part of a bundle manifest: the method, every member and the combiner that
 * joins their probabilities.
 *
 * @param method {@code bagging}, {@code adaboost}, {@code stacking} or {@code voting}
 * @param members the members in index order
 * @param combiner the combiner, its numbers in JSON
 */
public record EnsembleManifest(String method, List<EnsembleMemberManifest> members, EnsembleCombiner combiner) {

    public EnsembleManifest {
        Objects.requireNonNull(method, "method");
        members = List.copyOf(Objects.requireNonNull(members, "members"));
        Objects.requireNonNull(combiner, "combiner");
    }

}
