package ai.aimass.standalone.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for the demo: it speaks to the services exactly as a
 * script or an app would, and turns an unexpected answer into a {@link DemoException}
 * that quotes the problem details the service returned.
 */
final class JsonHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final JsonMapper json = JsonMapper.builder().build();

    /** An answer: its status and its JSON body (a missing node when there was none). */
    record Answer(int status, JsonNode body) {

        boolean is(int expected) {
            return this.status == expected;
        }

    }

    JsonMapper mapper() {
        return this.json;
    }

    Answer get(String url, String authorization) {
        return send(request(url, authorization).GET().build());
    }

    Answer postJson(String url, String authorization, Object body) {
        String text = this.json.writeValueAsString(body);
        return send(request(url, authorization).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(text))
            .build());
    }

    Answer putJson(String url, String authorization, Object body) {
        String text = this.json.writeValueAsString(body);
        return send(request(url, authorization).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(text))
            .build());
    }

    /** Posts a multipart form: text fields, and one file part named {@code file}. */
    Answer postMultipart(String url, String authorization, Map<String, String> fields, String fileName,
            byte[] fileContent) {
        String boundary = "aimass-" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        parts.add(fileContent);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(url, authorization).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
            .build());
    }

    /** Throws unless the answer has the expected status. */
    Answer expect(Answer answer, int expected, String step) {
        if (!answer.is(expected)) {
            throw new DemoException(
                    step + ": expected HTTP " + expected + ", got " + answer.status() + " " + describe(answer.body()));
        }
        return answer;
    }

    private static String describe(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return "with no body";
        }
        for (String field : List.of("detail", "error")) {
            if (body.hasNonNull(field)) {
                return "(" + body.path("code").asString("") + ": " + body.get(field).asString() + ")";
            }
        }
        return body.toString();
    }

    private static HttpRequest.Builder request(String url, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode node = (body == null || body.isBlank()) ? this.json.missingNode() : parse(body);
            return new Answer(response.statusCode(), node);
        }
        catch (IOException ex) {
            throw new DemoException(request.method() + " " + request.uri() + " failed: " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DemoException(request.method() + " " + request.uri() + " was interrupted");
        }
    }

    private JsonNode parse(String body) {
        try {
            return this.json.readTree(body);
        }
        catch (RuntimeException ex) {
            return this.json.getNodeFactory().stringNode(body);
        }
    }

}
