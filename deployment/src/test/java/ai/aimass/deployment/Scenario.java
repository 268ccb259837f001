package ai.aimass.deployment;

import java.nio.file.Path;
import java.util.Map;

/**
 * A set of values that the tests render the chart with.
 *
 * @param name how reports name it
 * @param valuesFile a values file, or null for the defaults alone
 * @param settings values set as with {@code --set}
 */
record Scenario(String name, Path valuesFile, Map<String, Object> settings) {

    /** The default values. */
    static Scenario defaults() {
        return new Scenario("default values", null, Map.of());
    }

    /** GPU workers beside the CPU workers. */
    static Scenario gpuWorkers() {
        return new Scenario("GPU workers", ChartRenderer.chart().resolve("examples/gpu-values.yaml"), Map.of());
    }

    /** The production-like example that the chart ships. */
    static Scenario production() {
        return new Scenario("production values", ChartRenderer.chart().resolve("examples/production-values.yaml"),
                Map.of());
    }

    @Override
    public String toString() {
        return this.name;
    }

}
