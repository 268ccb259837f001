package ai.aimass.deployment;

import java.util.List;
import java.util.Map;

import ai.aimass.deployment.ChartRenderer.Rendered;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every render of the chart must hold, whatever the values: schema-valid objects,
 * probes, limits and restricted security contexts on every container, GPU limits only on
 * GPU workers, a migration hook that replicas do not race, and the Ingress routes.
 */
class ChartTests {

    private static final String PREFIX = ChartRenderer.RELEASE + "-";

    private static final long TWO_GIB = 2L << 30;

    static List<Scenario> scenarios() {
        return RenderedCharts.scenarios().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyObjectIsValidAgainstTheKubernetesSchemas(Scenario scenario) throws Exception {
        Rendered rendered = RenderedCharts.of(scenario);

        KubernetesSchemas.Result result = KubernetesSchemas.validate(rendered.yaml());

        assertThat(result.invalid()).as("objects that fail the Kubernetes schemas").isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.valid()).hasSize(rendered.objects().size());
        Figures.validated(scenario, result.valid().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyContainerHasLimitsAndARestrictedSecurityContext(Scenario scenario) {
        try (Checks checks = new Checks(scenario)) {
            RenderedCharts.of(scenario).podSpecs().forEach((owner, pod) -> {
                for (Map<String, Object> container : containers(pod)) {
                    String name = owner + " container " + container.get("name");
                    checks.that(() -> assertThat(Yamls.get(container, "resources.limits.cpu")).as(name).isNotNull());
                    checks.that(() -> assertThat(Yamls.get(container, "resources.limits.memory")).as(name).isNotNull());
                    checks
                        .that(() -> assertThat(Yamls.get(container, "resources.requests.memory")).as(name).isNotNull());
                    checks.that(() -> assertThat(Yamls.get(container, "securityContext.runAsNonRoot")).as(name)
                        .isEqualTo(true));
                    checks
                        .that(() -> assertThat(Yamls.get(container, "securityContext.readOnlyRootFilesystem")).as(name)
                            .isEqualTo(true));
                    checks.that(
                            () -> assertThat(Yamls.get(container, "securityContext.allowPrivilegeEscalation")).as(name)
                                .isEqualTo(false));
                    checks.that(() -> assertThat(Yamls.get(container, "securityContext.capabilities.drop")).as(name)
                        .isEqualTo(List.of("ALL")));
                    checks.that(() -> assertThat(Yamls.get(container, "securityContext.capabilities.add")).as(name)
                        .isNull());
                    checks.that(() -> assertThat(mountPath(container, "tmp")).as(name).isEqualTo("/tmp"));
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyServiceContainerIsProbedOnTheSpringBootHealthGroups(Scenario scenario) {
        try (Checks checks = new Checks(scenario)) {
            RenderedCharts.of(scenario).podSpecs().forEach((owner, pod) -> {
                if (owner.startsWith("Job/")) {
                    return; // A Job runs to completion; nothing routes traffic to it.
                }
                for (Map<String, Object> container : containers(pod)) {
                    String name = owner + " container " + container.get("name");
                    checks.that(() -> assertThat(Yamls.get(container, "livenessProbe.httpGet.path")).as(name)
                        .isEqualTo("/actuator/health/liveness"));
                    checks.that(() -> assertThat(Yamls.get(container, "readinessProbe.httpGet.path")).as(name)
                        .isEqualTo("/actuator/health/readiness"));
                    checks.that(() -> assertThat(Yamls.get(container, "startupProbe.httpGet.path")).as(name)
                        .isEqualTo("/actuator/health/liveness"));
                    checks.that(() -> assertThat(Yamls.get(container, "livenessProbe.httpGet.port")).as(name)
                        .isEqualTo(Yamls.string(containerPort(container), "name")));
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyPodRunsAsNonRootWithTheRuntimeSeccompProfileAndNoApiToken(Scenario scenario) {
        try (Checks checks = new Checks(scenario)) {
            RenderedCharts.of(scenario).podSpecs().forEach((owner, pod) -> {
                checks.that(() -> assertThat(Yamls.get(pod, "securityContext.runAsNonRoot")).as(owner).isEqualTo(true));
                checks.that(
                        () -> assertThat((Integer) Yamls.get(pod, "securityContext.runAsUser")).as(owner).isPositive());
                checks.that(() -> assertThat(Yamls.get(pod, "securityContext.seccompProfile.type")).as(owner)
                    .isEqualTo("RuntimeDefault"));
                checks
                    .that(() -> assertThat(Yamls.get(pod, "automountServiceAccountToken")).as(owner).isEqualTo(false));
                checks.that(() -> assertThat(volume(pod, "tmp")).as(owner).containsKey("emptyDir"));
                checks.that(() -> assertThat(pod.get("hostNetwork")).as(owner).isNull());
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void dl4jPodsHaveAtLeastTwoGibibytesAndAWritableNativeCache(Scenario scenario) {
        try (Checks checks = new Checks(scenario)) {
            RenderedCharts.of(scenario).podSpecs().forEach((owner, pod) -> {
                if (!owner.contains("inference-service") && !owner.contains("training-worker")) {
                    return;
                }
                Map<String, Object> container = containers(pod).get(0);
                checks.that(
                        () -> assertThat(Quantities.bytes(Yamls.get(container, "resources.requests.memory"))).as(owner)
                            .isGreaterThanOrEqualTo(TWO_GIB));
                checks
                    .that(() -> assertThat(Quantities.bytes(Yamls.get(container, "resources.limits.memory"))).as(owner)
                        .isGreaterThanOrEqualTo(TWO_GIB));
                checks.that(() -> assertThat(mountPath(container, "javacpp-cache")).as(owner)
                    .isEqualTo("/var/cache/javacpp"));
                checks.that(() -> assertThat(volume(pod, "javacpp-cache")).as(owner).containsKey("emptyDir"));
                checks.that(() -> assertThat(env(container, "OMP_NUM_THREADS")).as(owner).isEqualTo("1"));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void onlyGpuWorkersAskForGpusAndLandOnGpuNodes(Scenario scenario) {
        Rendered rendered = RenderedCharts.of(scenario);
        boolean gpu = !scenario.name().equals("default values");
        try (Checks checks = new Checks(scenario)) {
            rendered.podSpecs().forEach((owner, pod) -> {
                Map<String, Object> container = containers(pod).get(0);
                Object gpuLimit = Yamls.map(container, "resources.limits").get("nvidia.com/gpu");
                if (owner.equals("Deployment/" + PREFIX + "training-worker-gpu")) {
                    checks.that(() -> assertThat(gpuLimit).as(owner).isEqualTo(1));
                    checks.that(() -> assertThat(Yamls.map(pod, "nodeSelector")).as(owner)
                        .containsEntry("nvidia.com/gpu.present", "true"));
                    checks.that(() -> assertThat(Yamls.list(pod, "tolerations")).as(owner)
                        .anySatisfy((toleration) -> assertThat(toleration).containsEntry("key", "nvidia.com/gpu")
                            .containsEntry("effect", "NoSchedule")));
                    checks.that(() -> assertThat(container.get("image").toString()).as(owner)
                        .contains("training-worker-cuda:"));
                    checks.that(() -> assertThat(envValue(container, "AIMASS_WORKER_ACCELERATOR")).as(owner)
                        .isEqualTo("gpu"));
                }
                else {
                    checks.that(() -> assertThat(gpuLimit).as(owner).isNull());
                    checks.that(() -> assertThat(Yamls.map(container, "resources.requests")).as(owner)
                        .doesNotContainKey("nvidia.com/gpu"));
                    checks.that(() -> assertThat(String.valueOf(pod.get("tolerations"))).as(owner)
                        .doesNotContain("nvidia.com/gpu"));
                    checks.that(() -> assertThat(container.get("image").toString()).as(owner).doesNotContain("cuda"));
                    if (owner.equals("Deployment/" + PREFIX + "training-worker")) {
                        checks.that(() -> assertThat(envValue(container, "AIMASS_WORKER_ACCELERATOR")).as(owner)
                            .isEqualTo("cpu"));
                    }
                }
            });
            List<String> workers = rendered.ofKind("Deployment")
                .stream()
                .map((deployment) -> Yamls.string(deployment, "metadata.name"))
                .filter((name) -> name.contains("training-worker"))
                .toList();
            checks.that(() -> assertThat(workers).as("worker Deployments")
                .isEqualTo(gpu ? List.of(PREFIX + "training-worker", PREFIX + "training-worker-gpu")
                        : List.of(PREFIX + "training-worker")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void migrationRunsInAPreInstallAndPreUpgradeHookAndReplicasDoNotMigrate(Scenario scenario) {
        Rendered rendered = RenderedCharts.of(scenario);
        try (Checks checks = new Checks(scenario)) {
            List<Map<String, Object>> jobs = rendered.ofKind("Job");
            checks.that(() -> assertThat(jobs).hasSize(1));
            Map<String, Object> job = jobs.get(0);
            Map<String, Object> annotations = Yamls.map(job, "metadata.annotations");
            checks.that(() -> assertThat(annotations).containsEntry("helm.sh/hook", "pre-install,pre-upgrade"));
            checks.that(() -> assertThat(annotations).containsEntry("helm.sh/hook-delete-policy",
                    "before-hook-creation,hook-succeeded"));
            Map<String, Object> container = containers(Yamls.map(job, "spec.template.spec")).get(0);
            checks.that(() -> assertThat(Yamls.list(container, "command")).asString()
                .contains("ai.aimass.api.migration.SchemaMigration"));
            checks.that(() -> assertThat(Yamls.get(job, "spec.template.spec.restartPolicy")).isEqualTo("Never"));
            checks.that(() -> assertThat(env(container, "AIMASS_DB_URL")).startsWith("jdbc:postgresql://"));
            checks.that(() -> assertThat(String.valueOf(container.get("env"))).doesNotContain(PREFIX + "keys"));
            Map<String, Object> api = containers(
                    Yamls.map(rendered.named("Deployment", PREFIX + "platform-api"), "spec.template.spec"))
                .get(0);
            checks.that(() -> assertThat(env(api, "SPRING_FLYWAY_ENABLED")).isEqualTo("false"));
            checks.that(() -> assertThat(Yamls.string(container, "image")).isEqualTo(Yamls.string(api, "image")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ingressRoutesTheConsoleTheApiAndTheInferencePaths(Scenario scenario) {
        Rendered rendered = RenderedCharts.of(scenario);
        try (Checks checks = new Checks(scenario)) {
            Map<String, Object> ingress = rendered.ofKind("Ingress").get(0);
            List<Map<String, Object>> paths = Yamls.list(Yamls.list(ingress, "spec.rules").get(0), "http.paths");
            Map<String, String> backends = new java.util.LinkedHashMap<>();
            paths.forEach(
                    (path) -> backends.put(path.get("path").toString(), Yamls.string(path, "backend.service.name")));
            checks.that(() -> assertThat(backends)
                .containsExactlyInAnyOrderEntriesOf(Map.of("/", PREFIX + "web-console", "/api", PREFIX + "platform-api",
                        "/v1/models", PREFIX + "inference-service", "/v2", PREFIX + "inference-service")));
            paths.forEach((path) -> checks.that(() -> assertThat(path.get("pathType")).isEqualTo("Prefix")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyDeploymentHasAServiceAndADisruptionBudgetAndInferenceAnAutoscaler(Scenario scenario) {
        Rendered rendered = RenderedCharts.of(scenario);
        try (Checks checks = new Checks(scenario)) {
            for (Map<String, Object> deployment : rendered.ofKind("Deployment")) {
                Map<String, Object> labels = Yamls.map(deployment, "spec.template.metadata.labels");
                String name = Yamls.string(deployment, "metadata.name");
                checks.that(() -> assertThat(rendered.ofKind("Service")).as(name)
                    .anySatisfy(
                            (service) -> assertThat(labels).containsAllEntriesOf(Yamls.map(service, "spec.selector"))));
                checks.that(() -> assertThat(rendered.ofKind("PodDisruptionBudget")).as(name)
                    .anySatisfy((budget) -> assertThat(Yamls.map(budget, "spec.selector.matchLabels"))
                        .isEqualTo(Yamls.map(deployment, "spec.selector.matchLabels"))));
            }
            Map<String, Object> autoscaler = rendered.named("HorizontalPodAutoscaler", PREFIX + "inference-service");
            checks.that(() -> assertThat(Yamls.string(autoscaler, "spec.scaleTargetRef.name"))
                .isEqualTo(PREFIX + "inference-service"));
            checks.that(() -> assertThat(
                    Yamls.get(rendered.named("Deployment", PREFIX + "inference-service"), "spec.replicas"))
                .as("replicas are the autoscaler's to set")
                .isNull());
        }
    }

    static List<Map<String, Object>> containers(Map<String, Object> pod) {
        return Yamls.list(pod, "containers");
    }

    static String env(Map<String, Object> container, String name) {
        return Yamls.list(container, "env")
            .stream()
            .filter((variable) -> name.equals(variable.get("name")))
            .map((variable) -> String.valueOf(variable.get("value")))
            .findFirst()
            .orElse(null);
    }

    private static String mountPath(Map<String, Object> container, String volume) {
        return Yamls.list(container, "volumeMounts")
            .stream()
            .filter((mount) -> volume.equals(mount.get("name")))
            .map((mount) -> String.valueOf(mount.get("mountPath")))
            .findFirst()
            .orElse(null);
    }

    private static Map<String, Object> volume(Map<String, Object> pod, String name) {
        return Yamls.list(pod, "volumes")
            .stream()
            .filter((volume) -> name.equals(volume.get("name")))
            .findFirst()
            .orElse(Map.of());
    }

    private static Map<String, Object> containerPort(Map<String, Object> container) {
        return Yamls.list(container, "ports").get(0);
    }

    /** The value of a container's environment variable, or null when it has none. */
    private static Object envValue(Map<String, Object> container, String name) {
        return Yamls.list(container, "env")
            .stream()
            .filter((variable) -> name.equals(variable.get("name")))
            .map((variable) -> variable.get("value"))
            .findFirst()
            .orElse(null);
    }

}
