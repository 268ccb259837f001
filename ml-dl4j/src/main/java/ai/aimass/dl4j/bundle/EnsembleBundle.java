package ai.aimass.dl4j.bundle;

import java.util.List;
import java.util.Objects;

import ai.aimass.dl4j.ensemble.EnsembleMember;
import ai.aimass.ml.bundle.BundleManifest;

/**
 * An ensemble as it is stored and served: its manifest, whose {@code ensemble} part holds
 * the combiner, and its members.
 *
 * @param manifest the manifest, with an ensemble description
 * @param members the members in index order
 */
public record EnsembleBundle(BundleManifest manifest, List<EnsembleMember> members) {

    public EnsembleBundle {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(manifest.ensemble(), "manifest.ensemble");
        members = List.copyOf(members);
    }

}
