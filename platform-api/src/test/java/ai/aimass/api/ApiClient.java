package ai.aimass.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A small HTTP client for tests that talk to the running service over real HTTP.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final String baseUrl;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** Sends a multipart form; a value of type byte[] is sent as a file part. */
    public Response postMultipart(String path, String token, Map<String, Object> parts) {
        String boundary = "----aimass" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        parts.forEach((name, value) -> writePart(body, boundary, name, value));
        write(body, "--" + boundary + "--\r\n");
        return send(request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Uploads a CSV file as a dataset. */
    public Response uploadDataset(String token, String name, String labelColumn, byte[] file) {
        return postMultipart("/api/v1/datasets", token, Map.of("name", name, "labelColumn", labelColumn, "file", file));
    }

    /** Logs in and returns the access token, failing the test when login fails. */
    public String login(String username, String password) {
        Response response = post("/api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("Login of " + username + " failed: " + response.text());
        }
        return response.body().get("accessToken").asString();
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = this.http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = response.body().isEmpty() ? MissingNode.getInstance() : parse(response.body());
            return new Response(response.statusCode(), body, response.headers(), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        }
        catch (RuntimeException ex) {
            return MissingNode.getInstance();
        }
    }

    private static void writePart(ByteArrayOutputStream body, String boundary, String name, Object value) {
        write(body, "--" + boundary + "\r\n");
        if (value instanceof byte[] bytes) {
            write(body, "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name + ".csv\"\r\n");
            write(body, "Content-Type: text/csv\r\n\r\n");
            body.writeBytes(bytes);
        }
        else {
            write(body, "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            write(body, String.valueOf(value));
        }
        write(body, "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An answer: status, parsed JSON body (a missing node when empty or not JSON),
     * headers and raw text.
     */
    public record Response(int status, JsonNode body, HttpHeaders headers, String text) {

        public String code() {
            return this.body.path("code").asString("");
        }

        public String detail() {
            return this.body.path("detail").asString("");
        }

    }

}
