package ai.aimass.dl4j.bundle;

/**
 * Thrown when bytes are not a readable model bundle: not a zip, truncated, an entry
 * missing, a manifest that does not map, or weights that do not match the manifest.
 */
public class InvalidBundleException extends RuntimeException {

    public InvalidBundleException(String message) {
        super(message);
    }

    public InvalidBundleException(String message, Throwable cause) {
        super(message, cause);
    }

}
