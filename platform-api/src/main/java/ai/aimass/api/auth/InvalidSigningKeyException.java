package ai.aimass.api.auth;

import java.nio.file.Path;

/** Thrown at startup when the configured signing key file holds no usable key. */
public class InvalidSigningKeyException extends RuntimeException {

    private final Path file;

    public InvalidSigningKeyException(Path file, String expected) {
        super("Token signing key " + file + ": " + expected + ", found a file that is not one");
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
