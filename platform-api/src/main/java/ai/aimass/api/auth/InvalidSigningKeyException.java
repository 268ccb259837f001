package ai.aimass.api.auth;

import java.nio.file.Path;

/** Thrown at startup when the configured signing key file holds no usable key. */
public class InvalidSigningKeyException extends RuntimeException {

    private final Path file;

    public InvalidSigningKeyException(Path file, String expected) {
        this(file, expected, "a file that is not one");
    }

    public InvalidSigningKeyException(Path file, String expected, String found) {
        super("Token signing key " + file + ": " + expected + ", found " + found);
        this.file = file;
    }

    /**
     * Returns the file at fault.
     * @return the path of aimass.security.signing-key-file
     */
    public Path file() {
        return this.file;
    }

}
