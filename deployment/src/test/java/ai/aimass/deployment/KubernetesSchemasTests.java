package ai.aimass.deployment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema validator itself: it must refuse what the API server would refuse. */
class KubernetesSchemasTests {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: broken
            spec:
              replicas: %s
              selector:
                matchLabels:
                  app: broken
              template:
                metadata:
                  labels:
                    app: broken
                spec:
                  containers:
                    - %s: broken
                      image: example/broken:1
                      resources:
                        limits:
                          memory: %s
            """;

    @Test
    void acceptsAValidDeployment() throws Exception {
        KubernetesSchemas.Result result = KubernetesSchemas.validate(DEPLOYMENT.formatted("2", "name", "2Gi"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.valid()).containsExactly("valid apps/v1 Deployment/broken");
    }

    @Test
    void refusesAContainerWithoutAName() throws Exception {
        KubernetesSchemas.Result result = KubernetesSchemas.validate(DEPLOYMENT.formatted("2", "nam", "2Gi"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.invalid()).singleElement().asString().contains("must have required property name");
    }

    @Test
    void refusesAStringWhereTheApiWantsAnInteger() throws Exception {
        KubernetesSchemas.Result result = KubernetesSchemas.validate(DEPLOYMENT.formatted("\"2\"", "name", "2Gi"));

        assertThat(result.invalid()).singleElement().asString().contains("/spec/replicas must be integer");
    }

    @Test
    void refusesAQuantityThatIsNoQuantity() throws Exception {
        KubernetesSchemas.Result result = KubernetesSchemas.validate(DEPLOYMENT.formatted("2", "name", "two-gigs"));

        assertThat(result.invalid()).singleElement().asString().contains("memory must match format \"quantity\"");
    }

    @Test
    void refusesAKindItHasNoSchemaFor() throws Exception {
        KubernetesSchemas.Result result = KubernetesSchemas.validate("""
                apiVersion: v1
                kind: Deployment
                metadata:
                  name: wrong-group
                """);

        assertThat(result.invalid()).singleElement().asString().contains("has no schema for this kind");
    }

}
