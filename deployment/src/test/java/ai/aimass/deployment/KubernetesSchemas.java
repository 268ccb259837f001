package ai.aimass.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Validates rendered objects against the Kubernetes API schemas offline, with the Node
 * script {@code deployment/src/test/node/validate.mjs} and the npm package
 * {@code kubernetes-models} that {@code scripts/ensure-chart-tools.sh} installs. Missing
 * tools fail the test with what to run; they never skip it.
 */
final class KubernetesSchemas {

    private KubernetesSchemas() {
    }

    /** Where the npm packages are installed, as in scripts/ensure-chart-tools.sh. */
    static Path toolsDir() {
        String configured = System.getenv("AIMASS_CHART_TOOLS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "aimass", "chart-tools");
    }

    /**
     * Validates every object of a manifest.
     * @param yaml the manifest, several YAML documents
     * @return one line per object, {@code valid ...} or {@code invalid ...: reason}
     * @throws AssertionError when Node.js or the packages are missing
     */
    static Result validate(String yaml) throws IOException, InterruptedException {
        Path tools = toolsDir();
        if (!Files.isDirectory(tools.resolve("node_modules/kubernetes-models"))) {
            throw new AssertionError("The Kubernetes schema validator is not installed in " + tools
                    + ": run scripts/ensure-chart-tools.sh (scripts/test.sh runs it)");
        }
        Path manifest = Files.createTempFile("aimass-rendered", ".yaml");
        try {
            Files.writeString(manifest, yaml, StandardCharsets.UTF_8);
            Path script = Repository.root().resolve("deployment/src/test/node/validate.mjs");
            ProcessBuilder builder = new ProcessBuilder(node(), script.toString(), manifest.toString())
                .redirectErrorStream(true);
            builder.environment().put("AIMASS_CHART_TOOLS_DIR", tools.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("The schema validator did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), output.lines().toList());
        }
        finally {
            Files.deleteIfExists(manifest);
        }
    }

    private static String node() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, "node");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError("Node.js (node) is not on the PATH; run scripts/ensure-chart-tools.sh, "
                + "which installs it with apt-get");
    }

    /**
     * What the validator said.
     *
     * @param exitCode 0 when every object is valid
     * @param lines one line per object
     */
    record Result(int exitCode, List<String> lines) {

        List<String> valid() {
            return this.lines.stream().filter((line) -> line.startsWith("valid ")).toList();
        }

        List<String> invalid() {
            return this.lines.stream().filter((line) -> !line.startsWith("valid ")).toList();
        }

    }

}
