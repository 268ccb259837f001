package ai.aimass.dl4j.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import ai.aimass.ml.bundle.BundleManifest;
import ai.aimass.ml.weights.WeightVectors;

/**
 * Writes and reads model bundles in the platform's framework-neutral format: a zip
 * archive holding {@value #MANIFEST_ENTRY} (the {@link BundleManifest} as JSON) and
 * {@value #WEIGHTS_ENTRY} (the flat weights as little-endian float32, no header).
 * <p>
 * Writing is deterministic: the same bundle always gives the same bytes, so a bundle can
 * be stored content-addressed. Reading checks the zip's CRCs, that the weight count
 * matches the architecture in the manifest and that the weights' SHA-256 matches
 * {@code manifest.weightsSha256()}; any failure is an {@link InvalidBundleException}.
 */
public final class BundleCodec {

    /** The name of the manifest entry. */
    public static final String MANIFEST_ENTRY = "manifest.json";

    /** The name of the weights entry. */
    public static final String WEIGHTS_ENTRY = "weights.f32";

    /**
     * The modification time written for every entry (1980-01-01T00:00:00Z, the zip
     * epoch).
     */
    private static final long ENTRY_TIME = 315532800000L;

    private BundleCodec() {
    }

    /**
     * Writes a bundle.
     * @param bundle the bundle, whose weights must match its manifest's digest
     * @return the zip bytes
     * @throws IllegalArgumentException when the weights do not match the manifest
     */
    public static byte[] write(ModelBundle bundle) {
        String digest = WeightVectors.sha256(bundle.weights());
        if (!digest.equals(bundle.manifest().weightsSha256())) {
            throw new IllegalArgumentException("manifest.weightsSha256: expected " + digest
                    + " as the weights have, found " + bundle.manifest().weightsSha256());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            putEntry(zip, MANIFEST_ENTRY, bundle.manifest().toJson());
            putEntry(zip, WEIGHTS_ENTRY, WeightVectors.toBytes(bundle.weights()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads and checks a bundle.
     * @param bytes the zip bytes
     * @return the bundle
     * @throws InvalidBundleException when the bytes are not a valid bundle
     */
    public static ModelBundle read(byte[] bytes) {
        Map<String, byte[]> entries = readEntries(bytes);
        BundleManifest manifest = readManifest(requireEntry(entries, MANIFEST_ENTRY));
        return read(manifest, entries);
    }

    static ModelBundle read(BundleManifest manifest, Map<String, byte[]> entries) {
        if (manifest.ensemble() != null) {
            throw new InvalidBundleException("bundle: expected a single network, found an ensemble of "
                    + manifest.ensemble().members().size() + " members; read it with ModelBundles.readPredictor");
        }
        byte[] weightBytes = requireEntry(entries, WEIGHTS_ENTRY);
        if (weightBytes.length % Float.BYTES != 0) {
            throw new InvalidBundleException(
                    WEIGHTS_ENTRY + ": expected a multiple of 4 bytes, found " + weightBytes.length + " bytes");
        }
        long expectedCount = manifest.parameterCount();
        if (weightBytes.length / Float.BYTES != expectedCount) {
            throw new InvalidBundleException(WEIGHTS_ENTRY + ": expected " + expectedCount
                    + " weights as the manifest's architecture has, found " + weightBytes.length / Float.BYTES);
        }
        String digest = WeightVectors.sha256(weightBytes);
        if (!digest.equals(manifest.weightsSha256())) {
            throw new InvalidBundleException(WEIGHTS_ENTRY + ": expected the SHA-256 " + manifest.weightsSha256()
                    + " recorded in the manifest, found " + digest);
        }
        return new ModelBundle(manifest, WeightVectors.fromBytes(weightBytes));
    }

    static void putEntry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    static Map<String, byte[]> readEntries(byte[] bytes) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        catch (IOException | IllegalArgumentException ex) {
            throw new InvalidBundleException("bundle: expected a complete zip archive, found a corrupt or truncated "
                    + "one (" + ex.getMessage() + ")", ex);
        }
        if (entries.isEmpty()) {
            throw new InvalidBundleException("bundle: expected a zip archive with " + MANIFEST_ENTRY + " and "
                    + WEIGHTS_ENTRY + ", found no entries");
        }
        return entries;
    }

    static byte[] requireEntry(Map<String, byte[]> entries, String name) {
        byte[] content = entries.get(name);
        if (content == null) {
            throw new InvalidBundleException(
                    "bundle: expected an entry " + name + ", found only " + String.join(", ", entries.keySet()));
        }
        return content;
    }

    static BundleManifest readManifest(byte[] json) {
        try {
            return BundleManifest.fromJson(json);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidBundleException(MANIFEST_ENTRY + ": " + ex.getMessage(), ex);
        }
    }

}
