package ai.aimass.ml.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The platform's one binary form of a model's flat weight vector: little-endian IEEE 754
 * float32, four bytes per weight, no header.
 * <p>
 * Checkpoints, client updates and bundles all use this form, and its SHA-256 (lower-case
 * hex) identifies a weight vector bit for bit.
 */
public final class WeightVectors {

    private WeightVectors() {
    }

    /**
     * Encodes weights as little-endian float32 bytes.
     * @param weights the weights
     * @return {@code 4 * weights.length} bytes
     */
    public static byte[] toBytes(float[] weights) {
        ByteBuffer buffer = ByteBuffer.allocate(Math.multiplyExact(weights.length, Float.BYTES))
            .order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(weights);
        return buffer.array();
    }

    /**
     * Decodes little-endian float32 bytes.
     * @param bytes the bytes, a multiple of four long
     * @return the weights
     * @throws IllegalArgumentException when the length is not a multiple of four
     */
    public static float[] fromBytes(byte[] bytes) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException(
                    "expected a multiple of 4 bytes of float32 weights, found " + bytes.length + " bytes");
        }
        float[] weights = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(weights);
        return weights;
    }

    /**
     * Returns the SHA-256 of the weights' little-endian float32 bytes.
     * @param weights the weights
     * @return 64 lower-case hex digits
     */
    public static String sha256(float[] weights) {
        return sha256(toBytes(weights));
    }

    /**
     * Returns the SHA-256 of some bytes.
     * @param bytes the bytes
     * @return 64 lower-case hex digits
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }

    /**
     * Returns the Euclidean (L2) norm, accumulated in double.
     * @param weights the weights
     * @return the norm, infinite or NaN when a weight is
     */
    public static double l2Norm(float[] weights) {
        double sumOfSquares = 0;
        for (float weight : weights) {
            sumOfSquares += (double) weight * weight;
        }
        return Math.sqrt(sumOfSquares);
    }

}
