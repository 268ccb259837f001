package ai.aimass.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets of a quick-start installation, generated on first use and kept in files that
 * only their owner may read (mode 0600), so that later runs reuse them.
 */
final class LocalSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /**
     * Returns the secret in the file, first writing {@code bytes} random bytes as base64
     * there.
     */
    static String readOrCreate(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] raw = new byte[bytes];
            RANDOM.nextBytes(raw);
            String secret = Base64.getEncoder().encodeToString(raw);
            writePrivate(file, secret);
            return secret;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read or create the secret file " + file, ex);
        }
    }

    /** Writes the text to a new file of mode 0600. */
    static void writePrivate(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

}
