package ai.aimass.inference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the service under test, with JSON bodies. */
final class TestHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    TestHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Answer post(String path, Object body, String... headers) {
        String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
        return postRaw(path, BodyPublishers.ofString(json, StandardCharsets.UTF_8), headers);
    }

    /** Posts bytes without a Content-Length, as a chunked stream. */
    Answer postChunked(String path, byte[] body, String... headers) {
        return postRaw(path, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), headers);
    }

    Answer postRaw(String path, BodyPublisher body, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json").POST(body));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
            .timeout(Duration.ofSeconds(60));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = this.client.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(null), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * A response.
     *
     * @param status the status code
     * @param contentType the Content-Type header, or empty
     * @param wwwAuthenticate the WWW-Authenticate header, or null
     * @param text the body
     */
    record Answer(int status, String contentType, String wwwAuthenticate, String text) {

        JsonNode json() {
            return JSON.readTree(this.text);
        }

        @Override
        public String toString() {
            return this.status + " " + this.text;
        }

    }

}
