package ai.aimass.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import ai.aimass.deployment.ChartRenderer.Rendered;

/**
 * Renders each scenario once per test JVM and keeps the manifest under
 * {@code deployment/target/rendered/} for a person to read.
 */
final class RenderedCharts {

    private static final Map<String, Rendered> cache = new HashMap<>();

    private RenderedCharts() {
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(Scenario.defaults(), Scenario.gpuWorkers(), Scenario.production());
    }

    static synchronized Rendered of(Scenario scenario) {
        return cache.computeIfAbsent(scenario.name(), (name) -> renderAndKeep(scenario));
    }

    private static Rendered renderAndKeep(Scenario scenario) {
        Rendered rendered = ChartRenderer.render(scenario);
        Figures.rendered(scenario, rendered.objects().size());
        try {
            Path directory = Repository.root().resolve("deployment/target/rendered");
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(scenario.name().replace(' ', '-') + ".yaml"), rendered.yaml());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return rendered;
    }

}
