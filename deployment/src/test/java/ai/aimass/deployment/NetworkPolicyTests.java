package ai.aimass.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import ai.aimass.deployment.ChartRenderer.Rendered;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluates the rendered NetworkPolicies as a cluster would, for every pair of parties
 * and every port in play, and compares what they allow with the paths that AI Mass uses:
 * ingress controller to console, API and inference; console to API and inference;
 * inference to API (the JWK Set); API, inference, workers and migration to the database;
 * everyone to DNS. Nothing else.
 */
class NetworkPolicyTests {

    private static final Set<String> EXPECTED = Set.of("ingress-controller -> web-console:8083",
            "ingress-controller -> platform-api:8080", "ingress-controller -> inference-service:8081",
            "web-console -> platform-api:8080", "web-console -> inference-service:8081",
            "inference-service -> platform-api:8080", "platform-api -> database:5432",
            "inference-service -> database:5432", "training-worker -> database:5432", "migration -> database:5432",
            "platform-api -> dns:53", "inference-service -> dns:53", "training-worker -> dns:53",
            "web-console -> dns:53", "migration -> dns:53");

    private static final List<Integer> PORTS = List.of(53, 5432, 8080, 8081, 8082, 8083);

    /**
     * The expected paths. Without {@code networkPolicy.databasePeers} the chart cannot
     * know where the database is, so the database clients may reach any address, but only
     * on the database port.
     */
    private static Set<String> expected(Rendered rendered) {
        Set<String> expected = new TreeSet<>(EXPECTED);
        Map<String, Object> database = rendered.named("NetworkPolicy", ChartRenderer.RELEASE + "-database");
        if (!Yamls.list(database, "spec.egress").get(0).containsKey("to")) {
            for (String client : List.of("platform-api", "inference-service", "training-worker", "migration")) {
                for (String anyone : List.of("dns", "ingress-controller", "other-pod")) {
                    expected.add(client + " -> " + anyone + ":5432");
                }
            }
        }
        return expected;
    }

    static List<Scenario> scenarios() {
        return RenderedCharts.scenarios().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void policiesAllowExactlyThePathsThatAiMassUses(Scenario scenario) {
        Rendered rendered = RenderedCharts.of(scenario);
        List<Party> parties = parties(rendered);
        List<Map<String, Object>> policies = rendered.ofKind("NetworkPolicy");
        Set<String> allowed = new TreeSet<>();
        try (Checks checks = new Checks(scenario)) {
            for (Party source : parties) {
                for (Party destination : parties) {
                    for (int port : PORTS) {
                        boolean ours = source.governed() || destination.governed();
                        if (ours && source != destination && allows(policies, source, destination, port)) {
                            allowed.add(source.name() + " -> " + destination.name() + ":" + port);
                        }
                    }
                }
            }
            checks.that(() -> assertThat(allowed).containsExactlyInAnyOrderElementsOf(expected(rendered)));
        }
    }

    private static List<Party> parties(Rendered rendered) {
        Map<String, String> releaseNamespace = Map.of("kubernetes.io/metadata.name", ChartRenderer.NAMESPACE);
        Map<String, String> release = Map.of("app.kubernetes.io/name", "aimass", "app.kubernetes.io/instance",
                ChartRenderer.RELEASE);
        List<Party> parties = new ArrayList<>();
        for (String component : List.of("platform-api", "inference-service", "training-worker", "web-console",
                "migration")) {
            Map<String, String> labels = new java.util.HashMap<>(release);
            labels.put("app.kubernetes.io/component", component);
            parties.add(new Party(component, true, releaseNamespace, labels, false));
        }
        parties.add(new Party("ingress-controller", false, Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
                Map.of("app.kubernetes.io/name", "ingress-nginx"), false));
        parties.add(new Party("dns", false, Map.of("kubernetes.io/metadata.name", "kube-system"),
                Map.of("k8s-app", "kube-dns"), false));
        parties.add(new Party("database", false, Map.of(), Map.of(), true));
        parties.add(new Party("other-pod", false, releaseNamespace, Map.of("app", "something-else"), false));
        return parties;
    }

    /**
     * Whether traffic from source reaches destination on a port: egress and ingress both
     * allow it.
     */
    private static boolean allows(List<Map<String, Object>> policies, Party source, Party destination, int port) {
        return allowsDirection(policies, source, destination, port, "Egress", "egress", "to")
                && allowsDirection(policies, destination, source, port, "Ingress", "ingress", "from");
    }

    private static boolean allowsDirection(List<Map<String, Object>> policies, Party subject, Party peer, int port,
            String type, String rulesKey, String peersKey) {
        if (!subject.governed()) {
            return true; // Policies of other namespaces and addresses outside the cluster
                         // are not the chart's.
        }
        boolean isolated = false;
        for (Map<String, Object> policy : policies) {
            if (!selects(Yamls.map(policy, "spec.podSelector"), subject.labels())
                    || !Yamls.list(policy, "spec.policyTypes").contains(type)) {
                continue;
            }
            isolated = true;
            for (Map<String, Object> rule : Yamls.list(policy, "spec." + rulesKey)) {
                if (matchesPort(rule, port)
                        && matchesPeers(Yamls.list(rule, peersKey), peer, rule.containsKey(peersKey))) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean matchesPort(Map<String, Object> rule, int port) {
        List<Map<String, Object>> ports = Yamls.list(rule, "ports");
        return ports.isEmpty() || ports.stream()
            .anyMatch((candidate) -> Integer.valueOf(port).equals(candidate.get("port"))
                    && "TCP UDP".contains(String.valueOf(candidate.getOrDefault("protocol", "TCP"))));
    }

    private static boolean matchesPeers(List<Map<String, Object>> peers, Party party, boolean listed) {
        if (!listed) {
            return true;
        }
        return peers.stream().anyMatch((peer) -> matchesPeer(peer, party));
    }

    private static boolean matchesPeer(Map<String, Object> peer, Party party) {
        if (peer.containsKey("ipBlock")) {
            return party.address(); // The database is assumed to lie in the block the
                                    // admin names.
        }
        if (party.address()) {
            return false;
        }
        boolean namespace = peer.containsKey("namespaceSelector")
                ? selects(Yamls.map(peer, "namespaceSelector"), party.namespaceLabels())
                : party.namespaceLabels().equals(Map.of("kubernetes.io/metadata.name", ChartRenderer.NAMESPACE));
        boolean pod = !peer.containsKey("podSelector") || selects(Yamls.map(peer, "podSelector"), party.labels());
        return namespace && pod;
    }

    @SuppressWarnings("unchecked")
    private static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        Map<String, Object> matchLabels = Yamls.map(selector, "matchLabels");
        for (Map.Entry<String, Object> entry : matchLabels.entrySet()) {
            if (!String.valueOf(entry.getValue()).equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> expression : Yamls.list(selector, "matchExpressions")) {
            List<String> values = (List<String>) expression.get("values");
            String value = labels.get(String.valueOf(expression.get("key")));
            boolean in = value != null && values.contains(value);
            if ("In".equals(expression.get("operator")) != in) {
                return false;
            }
        }
        return true;
    }

    /**
     * One party to a connection.
     *
     * @param name how the expected paths name it
     * @param governed whether it is a pod of this release, which the chart's policies
     * govern
     * @param namespaceLabels labels of its namespace
     * @param labels labels of its pod
     * @param address whether it is an address outside the cluster (the database)
     */
    private record Party(String name, boolean governed, Map<String, String> namespaceLabels, Map<String, String> labels,
            boolean address) {
    }

}
