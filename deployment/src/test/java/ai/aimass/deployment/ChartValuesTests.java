package ai.aimass.deployment;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chart's values are documented (a comment on each in values.yaml, a row each in the
 * README) and checked (values.schema.json refuses what the services would refuse later).
 */
class ChartValuesTests {

    @Test
    void everyValueInValuesYamlHasAComment() throws Exception {
        List<String> lines = Files.readAllLines(ChartRenderer.chart().resolve("values.yaml"));
        List<String> uncommented = new ArrayList<>();
        int coveredIndent = -1;
        for (int i = 0; i < lines.size(); i++) {
            String trimmed = lines.get(i).trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int indent = indent(lines.get(i));
            if (coveredIndent >= 0 && indent > coveredIndent) {
                continue; // inside a value whose comment covers it, such as a resources
                          // map
            }
            coveredIndent = -1;
            if (i > 0 && lines.get(i - 1).trim().startsWith("#")) {
                coveredIndent = indent;
            }
            else if (!isParentOfCommentedValues(lines, i)) {
                uncommented.add("line " + (i + 1) + ": " + trimmed);
            }
        }
        assertThat(uncommented).as("values without a comment above them").isEmpty();
    }

    @Test
    void readmeTableListsEveryValue() throws Exception {
        String readme = Files.readString(ChartRenderer.chart().resolve("README.md"));
        Object values = new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Files.readString(ChartRenderer.chart().resolve("values.yaml")));
        List<String> paths = new ArrayList<>();
        collectLeafPaths("", values, paths);

        assertThat(paths).hasSizeGreaterThan(80)
            .allSatisfy((path) -> assertThat(readme).as("README row of %s", path).contains("| `" + path + "` |"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|',
            value = { "database.existingSecret||/database/existingSecret", "artifacts.keyId|Key-1|/artifacts/keyId",
                    "inferenceService.resources.limits.memory|1Gi|memory",
                    "worker.cpu.resources.requests.memory|1536Mi|memory", "worker.gpu.gpuCount|0|gpuCount",
                    "secrets.artifactEncryptionKey|c2hvcnQ=|artifactEncryptionKey",
                    "secrets.jwtSigningKey|-----BEGIN RSA PRIVATE KEY-----|jwtSigningKey",
                    "image.pullPolicy|Sometimes|pullPolicy", "unknownValue|1|unknownValue" })
    void schemaRefusesValuesTheServicesCannotUse(String key, String value, String named) {
        Map<String, Object> settings = Map.of(key, (value != null) ? value : "");

        assertThatThrownBy(() -> ChartRenderer.render(null, settings)).hasMessageContaining("values don't meet")
            .hasMessageContaining(named);
    }

    /** Whether a line such as {@code image:} only groups values that carry comments. */
    private static boolean isParentOfCommentedValues(List<String> lines, int index) {
        if (!lines.get(index).trim().endsWith(":")) {
            return false;
        }
        for (int next = index + 1; next < lines.size(); next++) {
            if (!lines.get(next).isBlank()) {
                return indent(lines.get(next)) > indent(lines.get(index)) && lines.get(next).trim().startsWith("#");
            }
        }
        return false;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    @SuppressWarnings("unchecked")
    private static void collectLeafPaths(String prefix, Object node, List<String> paths) {
        if (node instanceof Map<?, ?> map && !map.isEmpty() && !isResources(prefix) && !isSelector(prefix)) {
            ((Map<String, Object>) map)
                .forEach((key, value) -> collectLeafPaths(prefix.isEmpty() ? key : prefix + "." + key, value, paths));
        }
        else {
            paths.add(prefix);
        }
    }

    private static boolean isResources(String path) {
        return path.endsWith(".resources");
    }

    private static boolean isSelector(String path) {
        return path.endsWith("Selector");
    }

}
