package ai.aimass.ml.spec;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One dense hidden layer of a network.
 *
 * @param units the number of units, 1 to {@value #MAX_UNITS}; required in JSON
 * @param activation one of {@link #ACTIVATIONS}; {@code relu} when absent
 */
public record LayerSpec(@JsonProperty(required = true) int units, String activation) {

    /** The largest accepted number of units in a layer. */
    public static final int MAX_UNITS = 4096;

    /** The activation used when none is given. */
    public static final String DEFAULT_ACTIVATION = "relu";

    /** The accepted activations. */
    public static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "identity", "leakyrelu");

    public LayerSpec {
        activation = (activation != null) ? activation : DEFAULT_ACTIVATION;
    }

    void collectProblems(String path, List<String> problems) {
        if (this.units < 1 || this.units > MAX_UNITS) {
            problems.add(path + ".units: expected 1 to " + MAX_UNITS + ", found " + this.units);
        }
        SpecProblems.requireOneOf(problems, path + ".activation", this.activation, ACTIVATIONS);
    }

}
