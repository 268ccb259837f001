package ai.aimass.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import ai.aimass.deployment.ChartRenderer.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfiles cannot be built here, so their claims are checked against the build:
 * each copies the jar that its module's pom really produces, runs a main class that
 * really exists, and agrees with the chart on user, port and native cache.
 */
class DockerfileTests {

    private static final Pattern COPY_JAR = Pattern
        .compile("(?m)^COPY ([\\w-]+)/target/([\\w.-]+\\.jar) ([\\w-]+\\.jar)$");

    private static final Pattern CLASS_PATH = Pattern
        .compile("\"-cp\", \"/opt/aimass/app/([\\w-]+\\.jar)\", \"([\\w.]+)\"");

    /**
     * Each image: its Dockerfile, the module it packages, the Maven profile that builds
     * its jar (or none), the chart component that runs it and whether it carries DL4J.
     */
    record Image(String dockerfile, String module, String profile, String component, boolean dl4j) {

        @Override
        public String toString() {
            return this.dockerfile;
        }

    }

    static Stream<Image> images() {
        return Stream.of(new Image("platform-api.Dockerfile", "platform-api", null, "platform-api", false),
                new Image("inference-service.Dockerfile", "inference-service", null, "inference-service", true),
                new Image("training-worker.Dockerfile", "training-worker", null, "training-worker", true),
                new Image("training-worker-cuda.Dockerfile", "training-worker", "cuda", "training-worker-gpu", true),
                new Image("web-console.Dockerfile", "web-console", null, "web-console", false));
    }

    @Test
    void everyDockerfileIsChecked() throws Exception {
        try (Stream<Path> files = Files.list(Repository.root().resolve("deployment/docker"))) {
            List<String> dockerfiles = files.map((file) -> file.getFileName().toString())
                .filter((name) -> name.endsWith(".Dockerfile"))
                .sorted()
                .toList();
            assertThat(dockerfiles).containsExactlyInAnyOrderElementsOf(images().map(Image::dockerfile).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void copiesTheExecutableJarThatTheModuleBuilds(Image image) throws Exception {
        String dockerfile = read(image);
        Document pom = pom(image.module());

        Matcher copy = COPY_JAR.matcher(dockerfile);
        assertThat(copy.find()).as("a COPY of <module>/target/<jar> in %s", image).isTrue();
        String classifier = classifier(pom, image.profile());
        String expectedJar = xpath(pom, "/project/artifactId") + "-" + Repository.version() + "-" + classifier + ".jar";
        assertThat(copy.group(1)).isEqualTo(image.module());
        assertThat(copy.group(2)).isEqualTo(expectedJar);
        assertThat(rootModules()).contains(image.module());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void runsASpringBootApplicationOfTheModuleFromTheExtractedJar(Image image) throws Exception {
        String dockerfile = read(image);
        Matcher copy = COPY_JAR.matcher(dockerfile);
        assertThat(copy.find()).isTrue();
        Matcher classPath = CLASS_PATH.matcher(dockerfile);
        assertThat(classPath.find()).as("ENTRYPOINT with -cp and a main class in %s", image).isTrue();

        assertThat(classPath.group(1)).as("the extracted jar keeps the copied jar's name").isEqualTo(copy.group(3));
        assertThat(dockerfile).contains("-Djarmode=tools -jar " + copy.group(3) + " extract --destination app");
        Path source = Repository.root()
            .resolve(image.module() + "/src/main/java/" + classPath.group(2).replace('.', '/') + ".java");
        assertThat(source).exists();
        assertThat(Files.readString(source)).contains("@SpringBootApplication")
            .contains("public static void main(String[] args)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void isMultiStageOnJava17AndRunsAsTheUserAndPortThatTheChartExpects(Image image) throws Exception {
        String dockerfile = read(image);
        Rendered rendered = RenderedCharts.of(Scenario.gpuWorkers());
        Map<String, Object> pod = rendered.podSpecs()
            .get("Deployment/" + ChartRenderer.RELEASE + "-" + image.component());
        Map<String, Object> container = ChartTests.containers(pod).get(0);

        List<String> stages = dockerfile.lines().filter((line) -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre-\\w+( AS \\w+)?$");
        assertThat(dockerfile).contains("USER 10001:10001");
        assertThat(Yamls.get(pod, "securityContext.runAsUser")).isEqualTo(10001);
        Object port = Yamls.list(container, "ports").get(0).get("containerPort");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + port + "$");
        if (image.dl4j()) {
            assertThat(dockerfile).contains("-Dorg.bytedeco.javacpp.cachedir=/var/cache/javacpp")
                .contains("-Dorg.bytedeco.javacpp.pathsFirst=true")
                .contains("COPY --from=extract /build/natives /opt/aimass/natives");
        }
    }

    @Test
    void cudaImageRunsOnCudaElevenSixWithTheCudaJar() throws Exception {
        String dockerfile = read(images().filter((image) -> image.profile() != null).findFirst().orElseThrow());
        String profile = Files.readString(Repository.root().resolve("training-worker/pom.xml"));

        assertThat(dockerfile).containsPattern("(?m)^FROM nvidia/cuda:11\\.6\\.\\d+-cudnn8-runtime-ubuntu\\d+\\.\\d+$")
            .contains("COPY --from=jre /opt/java/openjdk /opt/java/openjdk");
        assertThat(profile).contains("<artifactId>nd4j-cuda-11.6</artifactId>");
    }

    @Test
    void migrationJobRunsTheSchemaMigrationOfThePlatformApiImage() throws Exception {
        Rendered rendered = RenderedCharts.of(Scenario.defaults());
        Map<String, Object> job = rendered.ofKind("Job").get(0);
        List<String> command = Yamls.strings(ChartTests.containers(Yamls.map(job, "spec.template.spec")).get(0),
                "command");
        String platformApi = read(images().findFirst().orElseThrow());

        assertThat(command).hasSize(4).startsWith("java", "-cp");
        assertThat(platformApi).contains("\"-cp\", \"" + command.get(2) + "\"");
        Path source = Repository.root()
            .resolve("platform-api/src/main/java/" + command.get(3).replace('.', '/') + ".java");
        assertThat(Files.readString(source)).contains("public static void main(String[] args)");
    }

    private static String read(Image image) throws Exception {
        return Files.readString(Repository.root().resolve("deployment/docker/" + image.dockerfile()));
    }

    private static Document pom(String module) throws Exception {
        return DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Repository.root().resolve(module + "/pom.xml").toFile());
    }

    private static List<String> rootModules() throws Exception {
        Document root = DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(Repository.root().resolve("pom.xml").toFile());
        return List.of(xpath(root, "/project/modules").split("\\s+"));
    }

    private static String classifier(Document pom, String profile) throws Exception {
        String plugin = "build/plugins/plugin[artifactId='spring-boot-maven-plugin']/configuration/classifier";
        String path = (profile != null) ? "/project/profiles/profile[id='" + profile + "']/" + plugin
                : "/project/" + plugin;
        String classifier = xpath(pom, path);
        assertThat(classifier).as("classifier at %s", path).isNotBlank();
        return classifier;
    }

    private static String xpath(Document document, String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, document).trim();
    }

}
