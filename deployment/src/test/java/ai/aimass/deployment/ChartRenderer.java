package ai.aimass.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Renders the chart {@code helm/aimass} with the Helm library that helm-java embeds, as
 * {@code helm template} does.
 * <p>
 * Two differences from the command: helm-java's template asks a cluster for
 * {@code lookup}, which {@link FakeKubernetesApi} answers, and it leaves hooks out of its
 * output. So renders use a copy of the chart in {@code target/} whose hook annotation
 * keys read {@value #HOOK_STAND_IN} instead of {@value #HOOK_KEY}, and the rendered text
 * gets the real keys back before anyone reads it; nothing else differs.
 */
final class ChartRenderer {

    /** The release name of every render. */
    static final String RELEASE = "aimass";

    /** The namespace of every render. */
    static final String NAMESPACE = "aimass";

    /**
     * The cluster version that renders assume; Helm's own default (1.20) is older than
     * the chart's {@code kubeVersion}.
     */
    static final String KUBE_VERSION = "1.30.0";

    static final String HOOK_KEY = "helm.sh/hook";

    static final String HOOK_STAND_IN = "aimass.test/hook";

    private static Path chartWithVisibleHooks;

    private ChartRenderer() {
    }

    /** The chart folder. */
    static Path chart() {
        return Repository.root().resolve("helm/aimass");
    }

    /** Runs {@code helm lint --strict} on the chart with its default values. */
    static LintResult lint() {
        return new Helm(chart()).lint().strict().call();
    }

    /**
     * Renders the chart.
     * @param scenario the values file and settings to render with
     * @return the rendered objects
     */
    static Rendered render(Scenario scenario) {
        return render(scenario.valuesFile(), scenario.settings());
    }

    /**
     * Renders the chart.
     * @param valuesFile a values file, or null for the defaults alone
     * @param settings values set as with {@code --set}
     * @return the rendered objects
     */
    static Rendered render(Path valuesFile, Map<String, Object> settings) {
        FakeKubernetesApi.get();
        TemplateCommand command = new Helm(chartWithVisibleHooks()).template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            command = command.set(setting.getKey(), setting.getValue());
        }
        String yaml = command.call().replace(HOOK_STAND_IN, HOOK_KEY);
        return new Rendered(yaml, parse(yaml));
    }

    private static synchronized Path chartWithVisibleHooks() {
        if (chartWithVisibleHooks != null) {
            return chartWithVisibleHooks;
        }
        Path source = chart();
        Path copy = Repository.root().resolve("deployment/target/chart-with-visible-hooks/aimass");
        deleteRecursively(copy);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                }
                else {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (text.contains(HOOK_STAND_IN)) {
                        throw new IllegalStateException(file + " already holds " + HOOK_STAND_IN);
                    }
                    Files.writeString(target, text.replace(HOOK_KEY, HOOK_STAND_IN), StandardCharsets.UTF_8);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not copy the chart to " + copy, ex);
        }
        chartWithVisibleHooks = copy;
        return copy;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + directory, ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String yaml) {
        Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : parser.loadAll(yaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    /**
     * What one render produced.
     *
     * @param yaml the rendered manifest, as {@code helm template} prints it
     * @param objects its objects, in order
     */
    record Rendered(String yaml, List<Map<String, Object>> objects) {

        List<Map<String, Object>> ofKind(String kind) {
            return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
        }

        Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream()
                .filter((object) -> name.equals(Yamls.string(object, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " named " + name + " was rendered; found "
                        + ofKind(kind).stream().map((object) -> Yamls.string(object, "metadata.name")).toList()));
        }

        /** The pod templates of Deployments and Jobs, by the name of their owner. */
        Map<String, Map<String, Object>> podSpecs() {
            Map<String, Map<String, Object>> specs = new LinkedHashMap<>();
            for (Map<String, Object> object : this.objects) {
                if ("Deployment".equals(object.get("kind")) || "Job".equals(object.get("kind"))) {
                    specs.put(object.get("kind") + "/" + Yamls.string(object, "metadata.name"),
                            Yamls.map(object, "spec.template.spec"));
                }
            }
            return specs;
        }

    }

}
