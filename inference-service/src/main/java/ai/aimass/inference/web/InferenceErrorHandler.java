package ai.aimass.inference.web;

import java.net.URI;

import ai.aimass.inference.InferenceException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal of the service into one error body: RFC 9457 problem details with a
 * {@code code} property, or on the Open Inference Protocol paths ({@code /v2}) the
 * protocol's own {@code {"error": "..."}} with the {@code code} beside it.
 * <p>
 * The security filters hand their refusals here too, so that a 401 or 403 looks like any
 * other error of the path it answers.
 */
@RestControllerAdvice
public class InferenceErrorHandler {

    private static final Logger logger = LoggerFactory.getLogger(InferenceErrorHandler.class);

    private static final String NO_CREDENTIALS = "no credentials: expected an API key (Authorization: Bearer am_... "
            + "or X-API-Key: am_...) or a user token (Authorization: Bearer <JWT>)";

    @ExceptionHandler(InferenceException.class)
    ResponseEntity<Object> handleInference(InferenceException ex, HttpServletRequest request) {
        return respond(request, ex.status(), ex.code(), ex.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, HttpServletRequest request) {
        String message = (ex instanceof InsufficientAuthenticationException) ? NO_CREDENTIALS : ex.getMessage();
        return respond(request, HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "forbidden", ex.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> handleNoEndpoint(NoResourceFoundException ex, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "not_found",
                "no endpoint " + request.getMethod() + " " + request.getRequestURI());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> handleMethod(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "invalid_input", request.getRequestURI()
                + ": expected method " + String.join(" or ", ex.getSupportedMethods()) + ", found " + ex.getMethod());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        if (ex instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            String detail = response.getBody().getDetail();
            return respond(request, response.getStatusCode(), "invalid_input",
                    (detail != null) ? detail : "the request is not valid for " + request.getRequestURI());
        }
        logger.error("Request failed method={} path={}", request.getMethod(), request.getRequestURI(), ex);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "the service failed to answer this request; the failure is logged");
    }

    private ResponseEntity<Object> respond(HttpServletRequest request, HttpStatusCode status, String code,
            String message) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status);
        if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (isOpenInferencePath(request)) {
            return builder.contentType(MediaType.APPLICATION_JSON).body(new OipError(message, code));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean isOpenInferencePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/v2") || path.startsWith("/v2/");
    }

    /**
     * The Open Inference Protocol's error object, with the service's stable code beside
     * the message.
     *
     * @param error what went wrong: expected, found and where
     * @param code the stable error code
     */
    public record OipError(String error, String code) {
    }

}
