package ai.aimass.api.problem;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problem documents of the API, for controllers and for the security
 * filters that answer before a controller is reached.
 */
public final class Problems {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Problems() {
    }

    /**
     * Creates a problem document.
     * @param code the error code, which also gives the status
     * @param detail the message for the caller
     * @param errors the individual problems, or an empty list
     * @param path the request path, recorded as the problem's instance
     * @return the problem
     */
    public static ProblemDetail problem(ErrorCode code, String detail, List<String> errors, String path) {
        return problem(code.status().value(), code, detail, errors, path);
    }

    static ProblemDetail problem(int status, ErrorCode code, String detail, List<String> errors, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setTitle(HttpStatus.valueOf(status).getReasonPhrase());
        problem.setProperty("code", code.value());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        return problem;
    }

    /**
     * Writes a problem straight to a servlet response, as a security filter must.
     * @param request the request being answered
     * @param response the response to write
     * @param code the error code
     * @param detail the message for the caller
     * @throws IOException when the response cannot be written
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", code.status().getReasonPhrase());
        body.put("status", code.status().value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code.value());
        response.setStatus(code.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        MAPPER.writeValue(response.getOutputStream(), body);
    }

}
