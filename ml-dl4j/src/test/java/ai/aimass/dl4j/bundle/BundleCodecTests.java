package ai.aimass.dl4j.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.aimass.dl4j.TestBundles;
import ai.aimass.dl4j.predict.Prediction;
import ai.aimass.dl4j.predict.TabularPredictor;
import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.weights.WeightVectors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BundleCodecTests {

    private static final ModelBundle BUNDLE = TestBundles.mixed();

    private static final List<List<Object>> ROWS = List.of(List.of(1.5, "nice"), List.of(-4, "lyon"),
            List.of(0.2, "paris"), List.of(0.0, "marseille"));

    @Test
    void loadedBundlePredictsSameProbabilitiesAsSavedOne() {
        ModelBundle loaded = BundleCodec.read(BundleCodec.write(BUNDLE));
        assertThat(loaded.manifest()).isEqualTo(BUNDLE.manifest());
        assertThat(loaded.weights()).containsExactly(BUNDLE.weights());
        List<Prediction> before = new TabularPredictor(BUNDLE).predictRows(ROWS);
        List<Prediction> after = new TabularPredictor(loaded).predictRows(ROWS);
        for (int i = 0; i < ROWS.size(); i++) {
            assertThat(after.get(i).label()).isEqualTo(before.get(i).label());
            assertThat(after.get(i).probabilities()).containsExactly(before.get(i).probabilities());
        }
    }

    @Test
    void writesSameBytesForSameBundle() {
        assertThat(BundleCodec.write(BUNDLE)).isEqualTo(BundleCodec.write(BUNDLE));
    }

    @Test
    void rejectsTruncatedBundle() {
        byte[] bytes = BundleCodec.write(BUNDLE);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> BundleCodec.read(truncated))
            .withMessageStartingWith("bundle: expected");
    }

    @Test
    void rejectsCorruptBundle() {
        byte[] bytes = BundleCodec.write(BUNDLE);
        byte[] corrupt = bytes.clone();
        for (int i = bytes.length / 3; i < bytes.length / 3 + 16; i++) {
            corrupt[i] ^= 0x5A;
        }
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> BundleCodec.read(corrupt))
            .withMessageMatching("(bundle|manifest\\.json|weights\\.f32): expected .*");
    }

    @Test
    void rejectsBytesThatAreNotZip() {
        assertThatExceptionOfType(InvalidBundleException.class)
            .isThrownBy(() -> BundleCodec.read("not a bundle".getBytes()))
            .withMessage("bundle: expected a zip archive with manifest.json and weights.f32, found no entries");
    }

    @Test
    void rejectsWeightsWhoseDigestDiffersFromManifest() throws IOException {
        float[] tampered = BUNDLE.weights().clone();
        tampered[0] += 1;
        byte[] bytes = zip(BUNDLE.manifest().toJson(), WeightVectors.toBytes(tampered));
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> BundleCodec.read(bytes))
            .withMessage("weights.f32: expected the SHA-256 " + BUNDLE.manifest().weightsSha256()
                    + " recorded in the manifest, found " + WeightVectors.sha256(tampered));
    }

    @Test
    void rejectsWeightCountThatDiffersFromArchitecture() throws IOException {
        byte[] bytes = zip(BUNDLE.manifest().toJson(), WeightVectors.toBytes(new float[3]));
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> BundleCodec.read(bytes))
            .withMessage("weights.f32: expected " + BUNDLE.weights().length
                    + " weights as the manifest's architecture has, found 3");
    }

    @Test
    void rejectsBundleWithoutWeights() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(BUNDLE.manifest().toJson());
        }
        assertThatExceptionOfType(InvalidBundleException.class).isThrownBy(() -> BundleCodec.read(out.toByteArray()))
            .withMessage("bundle: expected an entry weights.f32, found only manifest.json");
    }

    @Test
    void refusesToWriteWeightsThatDifferFromManifest() {
        BundleManifest manifest = BUNDLE.manifest();
        ModelBundle wrong = new ModelBundle(manifest, new float[BUNDLE.weights().length]);
        assertThatIllegalArgumentException().isThrownBy(() -> BundleCodec.write(wrong))
            .withMessageStartingWith("manifest.weightsSha256: expected ");
    }

    private static byte[] zip(byte[] manifest, byte[] weights) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest);
            zip.putNextEntry(new ZipEntry("weights.f32"));
            zip.write(weights);
        }
        return out.toByteArray();
    }

}
