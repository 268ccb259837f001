package ai.aimass.dl4j.bundle;

import java.util.Objects;

import ai.aimass.ml.bundle.BundleManifest;

/**
 * A trained model as it is stored and served: its manifest and its flat weights.
 * <p>
 * The array is not copied; treat it as read-only once the bundle is made.
 *
 * @param manifest the description of the model
 * @param weights the flat float32 weights in the network's parameter order
 */
public record ModelBundle(BundleManifest manifest, float[] weights) {

    public ModelBundle {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(weights, "weights");
    }

}
