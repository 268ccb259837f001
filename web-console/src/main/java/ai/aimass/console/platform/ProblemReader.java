package ai.aimass.console.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import org.springframework.http.client.ClientHttpResponse;

/**
 * Reads the error answers of platform-api (RFC 9457 problem details) and of
 * inference-service ({@code {"error": ...}} on {@code /v2}, problem details on
 * {@code /v1}) into an {@link ApiProblem}.
 */
final class ProblemReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private ProblemReader() {
    }

    static ApiProblem read(ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        JsonNode body = parse(response.getBody());
        String code = body.path("code").asString("");
        String detail = body.path("detail").asString(body.path("error").asString(""));
        if (detail.isBlank()) {
            detail = fallback(status);
        }
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach((error) -> errors.add(error.asString()));
        return new ApiProblem(status, code, detail, errors);
    }

    private static JsonNode parse(InputStream body) {
        try (body) {
            return JSON.readTree(body.readNBytes(MAX_BODY_BYTES));
        }
        catch (IOException | RuntimeException ex) {
            return MissingNode.getInstance();
        }
    }

    private static String fallback(int status) {
        return switch (status) {
            case 401 -> "Your session has ended; log in again.";
            case 403 -> "Your role may not do this.";
            case 404 -> "Not found.";
            case 413 -> "The file is too large.";
            default -> (status >= 500) ? "The platform failed to answer; try again, and ask an operator to look at "
                    + "its log if it keeps failing." : "The request was refused.";
        };
    }

}
