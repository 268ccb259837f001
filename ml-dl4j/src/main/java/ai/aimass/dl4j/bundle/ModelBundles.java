package ai.aimass.dl4j.bundle;

import ai.aimass.dl4j.predict.ModelPredictor;
import ai.aimass.dl4j.predict.TabularPredictor;

/**
 * Turns stored bundle bytes into a predictor, whatever kind of model the bundle holds.
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
        return new TabularPredictor(BundleCodec.read(bytes));
    }

}
