package ai.aimass.deployment;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.aimass.deployment.ChartRenderer.Rendered;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key Secret: generated in the forms the services read, different on every first
 * install, kept on upgrade, taken from values or from an existing Secret, and never a
 * literal that the chart ships.
 */
class ChartSecretTests {

    private static final String KEYS = ChartRenderer.RELEASE + "-keys";

    @AfterEach
    void forgetSecrets() {
        FakeKubernetesApi.get().clear();
    }

    @Test
    void generatesAPkcs8RsaSigningKeyAsPlatformApiReadsIt() throws Exception {
        String pem = decoded(keys(render()), "jwt-signing-key.pem");

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        String body = pem.substring(pem.indexOf('\n') + 1, pem.lastIndexOf("-----END")).replaceAll("\\s", "");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        assertThat(key.getModulus().bitLength()).isEqualTo(4096);
        assertThat(key.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(pem.lines().filter((line) -> !line.startsWith("-----"))).allMatch((line) -> line.length() <= 64);
    }

    @Test
    void generatesA256BitArtifactKeyAndALongAdminPassword() {
        Map<String, Object> keys = keys(render());

        assertThat(Base64.getDecoder().decode(decoded(keys, "artifact-encryption-key"))).hasSize(32);
        assertThat(decoded(keys, "admin-password")).hasSize(32).matches("[A-Za-z0-9]+");
    }

    @Test
    void everyFirstInstallGetsSecretsOfItsOwn() {
        Map<String, Object> first = Yamls.map(keys(render()), "data");
        Map<String, Object> second = Yamls.map(keys(render()), "data");

        assertThat(first.keySet()).containsExactlyInAnyOrder("jwt-signing-key.pem", "artifact-encryption-key",
                "admin-password");
        first.forEach((key, value) -> assertThat(second.get(key)).as(key).isNotEqualTo(value));
    }

    @Test
    void anUpgradeKeepsWhatTheFirstInstallGenerated() {
        Map<String, Object> installed = Yamls.map(keys(render()), "data");
        Map<String, String> existing = new java.util.HashMap<>();
        installed.forEach((key, value) -> existing.put(key, value.toString()));
        FakeKubernetesApi.get().putSecret(ChartRenderer.NAMESPACE, KEYS, existing);

        Map<String, Object> upgraded = Yamls.map(keys(render()), "data");

        assertThat(upgraded).isEqualTo(installed);
    }

    @Test
    void valuesGivenByTheAdminWinOverGeneratedOnes() {
        String artifactKey = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'Q');
        Rendered rendered = ChartRenderer.render(null,
                Map.of("secrets.artifactEncryptionKey", artifactKey, "secrets.adminPassword", "an-admin-password-1"));

        Map<String, Object> keys = keys(rendered);

        assertThat(decoded(keys, "artifact-encryption-key")).isEqualTo(artifactKey);
        assertThat(decoded(keys, "admin-password")).isEqualTo("an-admin-password-1");
    }

    @Test
    void earlierSigningKeysAreMountedIntoPlatformApiOnlyWhenNamed() {
        Map<String, Object> plain = platformApiPod(ChartRenderer.render(null, Map.of()));
        assertThat(Yamls.list(plain, "volumes")).extracting((volume) -> volume.get("name"))
            .doesNotContain("previous-signing-keys");
        assertThat(env(plain)).doesNotContainKey("AIMASS_SECURITY_PREVIOUSSIGNINGKEYDIR");

        Map<String, Object> rotated = platformApiPod(
                ChartRenderer.render(null, Map.of("secrets.previousJwtSigningKeysSecret", "old-token-keys")));
        assertThat(env(rotated)).containsEntry("AIMASS_SECURITY_PREVIOUSSIGNINGKEYDIR",
                "/etc/aimass/previous-signing-keys");
        Map<String, Object> volume = Yamls.list(rotated, "volumes")
            .stream()
            .filter((candidate) -> "previous-signing-keys".equals(candidate.get("name")))
            .findFirst()
            .orElseThrow();
        assertThat(Yamls.string(volume, "secret.secretName")).isEqualTo("old-token-keys");
        Map<String, Object> mount = Yamls.list(Yamls.list(rotated, "containers").get(0), "volumeMounts")
            .stream()
            .filter((candidate) -> "previous-signing-keys".equals(candidate.get("name")))
            .findFirst()
            .orElseThrow();
        assertThat(mount).containsEntry("mountPath", "/etc/aimass/previous-signing-keys")
            .containsEntry("readOnly", true);
    }

    private static Map<String, Object> platformApiPod(Rendered rendered) {
        return Yamls.map(rendered.named("Deployment", ChartRenderer.RELEASE + "-platform-api"), "spec.template.spec");
    }

    private static Map<String, Object> env(Map<String, Object> pod) {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable : Yamls.list(Yamls.list(pod, "containers").get(0), "env")) {
            env.put((String) variable.get("name"), variable.get("value"));
        }
        return env;
    }

    @Test
    void anExistingSecretReplacesTheChartsOwn() {
        Rendered rendered = ChartRenderer.render(null, Map.of("secrets.existingSecret", "platform-keys"));

        assertThat(rendered.ofKind("Secret")).isEmpty();
        assertThat(rendered.yaml()).contains("name: platform-keys").doesNotContain(KEYS);
    }

    @Test
    void noSecretHoldsALiteralFromTheChart() throws Exception {
        Set<String> literals = chartLiterals();
        for (Scenario scenario : RenderedCharts.scenarios().toList()) {
            try (Checks checks = new Checks(scenario)) {
                for (Map<String, Object> secret : RenderedCharts.of(scenario).ofKind("Secret")) {
                    checks.that(() -> assertThat(secret.get("stringData")).isNull());
                    Yamls.map(secret, "data").forEach((key, value) -> {
                        String text = new String(Base64.getDecoder().decode(value.toString()), StandardCharsets.UTF_8);
                        checks.that(() -> assertThat(literals).as(key).doesNotContain(text.trim()));
                        checks.that(() -> assertThat(text.length()).as(key).isGreaterThanOrEqualTo(32));
                    });
                }
            }
        }
    }

    private static Rendered render() {
        return ChartRenderer.render(null, Map.of());
    }

    private static Map<String, Object> keys(Rendered rendered) {
        return rendered.named("Secret", KEYS);
    }

    private static String decoded(Map<String, Object> secret, String key) {
        return new String(Base64.getDecoder().decode(Yamls.map(secret, "data").get(key).toString()),
                StandardCharsets.UTF_8);
    }

    /** Every scalar of the chart's values files: none may reach a Secret. */
    private static Set<String> chartLiterals() throws Exception {
        Set<String> literals = new HashSet<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (String file : List.of("values.yaml", "examples/gpu-values.yaml", "examples/production-values.yaml")) {
            collect(yaml.load(java.nio.file.Files.readString(ChartRenderer.chart().resolve(file))), literals);
        }
        literals.remove("");
        return literals;
    }

    private static void collect(Object node, Set<String> literals) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach((value) -> collect(value, literals));
        }
        else if (node instanceof List<?> list) {
            list.forEach((value) -> collect(value, literals));
        }
        else if (node != null) {
            literals.add(node.toString());
        }
    }

}
