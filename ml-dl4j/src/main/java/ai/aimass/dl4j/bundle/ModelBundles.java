package ai.aimass.dl4j.bundle;

import java.util.Map;

import ai.aimass.dl4j.predict.EnsemblePredictor;
import ai.aimass.dl4j.predict.ModelPredictor;
import ai.aimass.dl4j.predict.TabularPredictor;
import ai.aimass.ml.bundle.BundleManifest;

/**
 * Turns stored bundle bytes into a predictor, whatever kind of model the bundle holds: a
 * single network ({@link BundleCodec}) or an ensemble ({@link EnsembleBundleCodec}), told
 * apart by the manifest's {@code ensemble} description.
 */
public final class ModelBundles {

    private ModelBundles() {
    }

    /**
     * Reads, checks and loads a bundle.
     * @param bytes the bundle's zip bytes
     * @return a thread-safe predictor
     * @throws InvalidBundleException when the bytes are not a valid bundle
     */
    public static ModelPredictor readPredictor(byte[] bytes) {
        Map<String, byte[]> entries = BundleCodec.readEntries(bytes);
        BundleManifest manifest = BundleCodec
            .readManifest(BundleCodec.requireEntry(entries, BundleCodec.MANIFEST_ENTRY));
        if (manifest.ensemble() != null) {
            return new EnsemblePredictor(EnsembleBundleCodec.read(manifest, entries));
        }
        return new TabularPredictor(BundleCodec.read(manifest, entries));
    }

}
