package ai.aimass.ml.spec;

import java.util.List;

/**
 * Thrown when a job spec cannot be read or is not valid.
 * <p>
 * Each problem is one message that starts with the JSON path of the field at fault
 * ({@code federation.rounds: expected an integer, found a string ("ten")}); the messages
 * are safe to show to the caller as an {@code invalid_input} error.
 */
public class InvalidSpecException extends RuntimeException {

    private final List<String> problems;

    public InvalidSpecException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidSpecException(String problem) {
        this(List.of(problem));
    }

    /**
     * Returns every problem found.
     * @return the messages, at least one
     */
    public List<String> problems() {
        return this.problems;
    }

}
