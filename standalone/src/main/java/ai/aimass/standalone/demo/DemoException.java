package ai.aimass.standalone.demo;

/**
 * The demo could not go on; the message says which step failed and what the service said.
 */
public class DemoException extends RuntimeException {

    public DemoException(String message) {
        super(message);
    }

}
