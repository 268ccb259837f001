package ai.aimass.ml.weights;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WeightVectorsTests {

    @Test
    void writesLittleEndianFloat32() {
        assertThat(WeightVectors.toBytes(new float[] { 1.0f, -2.0f })).containsExactly(0x00, 0x00, (byte) 0x80, 0x3F,
                0x00, 0x00, 0x00, (byte) 0xC0);
    }

    @Test
    void readsWhatItWrites() {
        float[] weights = { 0.1f, Float.MIN_VALUE, -3e30f, 0f };
        assertThat(WeightVectors.fromBytes(WeightVectors.toBytes(weights))).containsExactly(weights);
    }

    @Test
    void digestsTheLittleEndianBytes() {
        assertThat(WeightVectors.sha256(new float[0]))
            .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(WeightVectors.sha256(new float[] { 1.0f }))
            .isEqualTo(WeightVectors.sha256(new byte[] { 0, 0, (byte) 0x80, 0x3F }));
    }

    @Test
    void rejectsBytesThatAreNotWholeFloats() {
        assertThatIllegalArgumentException().isThrownBy(() -> WeightVectors.fromBytes(new byte[5]))
            .withMessage("expected a multiple of 4 bytes of float32 weights, found 5 bytes");
    }

}
