package ai.aimass.deployment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The little of the Kubernetes API that the chart's {@code lookup} of its key Secret
 * needs, on a loopback port of this JVM: discovery of {@code v1} and {@code GET} of
 * Secrets.
 * <p>
 * helm-java's template, unlike {@code helm template}, asks a cluster when a chart calls
 * {@code lookup}; Surefire points {@code KUBECONFIG} at the file that this class writes.
 * By default no Secret exists, as on a first install; a test can add one to render as an
 * upgrade would.
 */
final class FakeKubernetesApi {

    private static FakeKubernetesApi instance;

    private final HttpServer server;

    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

    private FakeKubernetesApi() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/", this::answer);
        this.server.start();
        writeKubeconfig(Path.of(System.getenv().getOrDefault("KUBECONFIG", "target/fake-kubernetes-api.kubeconfig")));
    }

    /** Starts the server once per test JVM. */
    static synchronized FakeKubernetesApi get() {
        if (instance == null) {
            try {
                instance = new FakeKubernetesApi();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.server.stop(0)));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Could not start the fake Kubernetes API on loopback", ex);
            }
        }
        return instance;
    }

    /**
     * Makes a Secret exist, as an earlier install would have left it.
     * @param namespace its namespace
     * @param name its name
     * @param data its entries, base64 as in the API
     */
    void putSecret(String namespace, String name, Map<String, String> data) {
        this.secrets.put(namespace + "/" + name, Map.copyOf(data));
    }

    /** Removes every Secret, as before a first install. */
    void clear() {
        this.secrets.clear();
    }

    private void writeKubeconfig(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: fake
                    cluster:
                      server: http://127.0.0.1:%d
                contexts:
                  - name: fake
                    context:
                      cluster: fake
                      namespace: %s
                current-context: fake
                """.formatted(this.server.getAddress().getPort(), ChartRenderer.NAMESPACE));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api")) {
            respond(exchange, 200, """
                    {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}""");
        }
        else if (path.equals("/apis")) {
            respond(exchange, 200, """
                    {"kind":"APIGroupList","apiVersion":"v1","groups":[]}""");
        }
        else if (path.equals("/api/v1")) {
            respond(exchange, 200, """
                    {"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"secrets",
                    "singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""");
        }
        else if (path.matches("/api/v1/namespaces/[^/]+/secrets/[^/]+")) {
            String[] parts = path.split("/");
            Map<String, String> data = this.secrets.get(parts[4] + "/" + parts[6]);
            if (data == null) {
                respond(exchange, 404, """
                        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
            }
            else {
                respond(exchange, 200, secretJson(parts[4], parts[6], data));
            }
        }
        else {
            respond(exchange, 404, """
                    {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
        }
    }

    private static String secretJson(String namespace, String name, Map<String, String> data) {
        String entries = data.entrySet()
            .stream()
            .map((entry) -> "\"" + entry.getKey() + "\":\"" + entry.getValue() + "\"")
            .collect(Collectors.joining(","));
        return """
                {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque",
                "data":{%s}}""".formatted(name, namespace, entries);
    }

    static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

}
