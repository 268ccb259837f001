package ai.aimass.api.problem;

import java.util.List;
import java.util.stream.Stream;

import ai.aimass.api.ApiProperties;
import ai.aimass.api.user.MaxUtf8Bytes;
import ai.aimass.api.web.NulCharacterException;
import ai.aimass.data.model.SchemaMismatchException;
import ai.aimass.ml.json.JsonReadProblems;
import ai.aimass.ml.spec.InvalidSpecException;
import ai.aimass.ml.tabular.TabularDataException;
import jakarta.servlet.http.HttpServletRequest;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a request into an RFC 9457 problem with a stable {@code code}.
 * <p>
 * Messages name the field, row or parameter at fault. Database and framework texts are
 * never passed on: a conflict the database caught says only that the request conflicts,
 * and an unexpected failure is logged here, once, and answered with a generic message.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final List<String> UNSTORABLE_TEXT_STATES = List.of("22021", "22P05");

    private final ApiProperties properties;

    public ProblemHandler(ApiProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApiException(ApiException ex, HttpServletRequest request) {
        return answer(ex.code(), ex.getMessage(), ex.errors(), request);
    }

    @ExceptionHandler(TabularDataException.class)
    ResponseEntity<Object> handleTabularData(TabularDataException ex, HttpServletRequest request) {
        ErrorCode code = TabularDataException.PAYLOAD_TOO_LARGE.equals(ex.code()) ? ErrorCode.PAYLOAD_TOO_LARGE
                : ErrorCode.INVALID_INPUT;
        return answer(code, "file: " + ex.getMessage(), List.of(), request);
    }

    @ExceptionHandler(InvalidSpecException.class)
    ResponseEntity<Object> handleInvalidSpec(InvalidSpecException ex, HttpServletRequest request) {
        ApiException refusal = ApiException.invalidInput(ex.problems());
        return answer(refusal.code(), refusal.getMessage(), refusal.errors(), request);
    }

    /**
     * The only move that can mismatch is an alias move, whose body field is the version.
     */
    @ExceptionHandler(SchemaMismatchException.class)
    ResponseEntity<Object> handleSchemaMismatch(SchemaMismatchException ex, HttpServletRequest request) {
        String message = ex.getMessage();
        String detail = "version: " + Character.toLowerCase(message.charAt(0)) + message.substring(1);
        return answer(ErrorCode.SCHEMA_MISMATCH, detail, List.of(), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleMultipart(MultipartException ex, HttpServletRequest request) {
        return answer(ErrorCode.INVALID_INPUT,
                "request body: expected a multipart/form-data body with the parts of the form, found one that "
                        + "cannot be read",
                List.of(), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleDataIntegrity(DataIntegrityViolationException ex, HttpServletRequest request) {
        if (isUnstorableText(ex)) {
            log.warn("Request method={} path={} held text that the database cannot store", request.getMethod(),
                    request.getRequestURI());
            return answer(ErrorCode.INVALID_INPUT,
                    "request: expected text that the database can store, found a NUL character or another one "
                            + "that it cannot hold",
                    List.of(), request);
        }
        log.warn("Request method={} path={} conflicted with a database constraint", request.getMethod(),
                request.getRequestURI());
        return answer(ErrorCode.INVALID_STATE,
                "the request conflicts with data stored while it was being handled; read the resource and retry",
                List.of(), request);
    }

    /**
     * PostgreSQL refuses a NUL character in text (22021, invalid byte sequence) and in
     * JSON (22P05, untranslatable character); both are the client's data, not a conflict.
     */
    private static boolean isUnstorableText(DataIntegrityViolationException ex) {
        for (Throwable cause = ex; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && UNSTORABLE_TEXT_STATES.contains(psql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        return answer(ErrorCode.FORBIDDEN, "your role may not make this request", List.of(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, HttpServletRequest request) {
        return answer(ErrorCode.UNAUTHORIZED, "expected valid credentials, found none or invalid ones", List.of(),
                request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        log.error("Request method={} path={} failed", request.getMethod(), request.getRequestURI(), ex);
        return answer(ErrorCode.INTERNAL_ERROR,
                "the server failed to handle the request; the cause is in its log, at the time of this answer",
                List.of(), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String path = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : null;
        ErrorCode code = ErrorCode.forStatus(statusCode.value());
        List<String> errors = errors(ex);
        String detail = errors.isEmpty() ? describe(ex, body, request)
                : (errors.size() == 1) ? errors.get(0) : errors.size() + " problems: " + String.join("; ", errors);
        ProblemDetail problem = Problems.problem(statusCode.value(), code, detail, errors, path);
        return ResponseEntity.status(statusCode)
            .headers(headers)
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(problem);
    }

    private String describe(Exception ex, Object body, WebRequest request) {
        if (ex instanceof HttpMessageNotReadableException && ex.getCause() instanceof NulCharacterException nul) {
            return nul.describe("request body");
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return JsonReadProblems.describe(ex.getCause(), "request body");
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return "file: expected a file of at most " + this.properties.maxDatasetBytes().toBytes()
                    + " bytes, found a request larger than the upload limit";
        }
        if (ex instanceof MissingServletRequestPartException missing) {
            return missing.getRequestPartName() + ": expected a multipart part named \"" + missing.getRequestPartName()
                    + "\", found none";
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return missing.getParameterName() + ": expected a value, found none";
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return mismatch.getPropertyName() + ": expected " + describeType(mismatch.getRequiredType()) + ", found \""
                    + mismatch.getValue() + "\"";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            return "method: expected one of "
                    + String.join(", ",
                            method.getSupportedHttpMethods().stream().map(Object::toString).sorted().toList())
                    + " for this path, found " + method.getMethod();
        }
        if (ex instanceof HttpMediaTypeNotSupportedException media) {
            return "Content-Type: expected one of " + media.getSupportedMediaTypes() + ", found "
                    + media.getContentType();
        }
        if (ex instanceof NoResourceFoundException) {
            return "no endpoint answers " + request.getDescription(false).replace("uri=", "");
        }
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
            return problem.getDetail();
        }
        return "the request could not be handled";
    }

    private static List<String> errors(Exception ex) {
        if (ex instanceof MethodArgumentNotValidException invalid) {
            return fieldErrors(invalid.getBindingResult());
        }
        return List.of();
    }

    private static List<String> fieldErrors(BindingResult result) {
        Stream<String> fields = result.getFieldErrors()
            .stream()
            .map((error) -> error.getField() + ": " + error.getDefaultMessage() + found(error));
        Stream<String> globals = result.getGlobalErrors()
            .stream()
            .map((error) -> "request body: " + error.getDefaultMessage());
        return Stream.concat(fields, globals).sorted().toList();
    }

    private static String found(FieldError error) {
        Object value = error.getRejectedValue();
        if (error.getField().toLowerCase(java.util.Locale.ROOT).endsWith("password")) {
            // A password is never echoed, not even a rejected one.
            if (!(value instanceof String text)) {
                return ", found none";
            }
            return MaxUtf8Bytes.class.getSimpleName().equals(error.getCode())
                    ? ", found " + MaxUtf8Bytes.Validator.byteCount(text) : ", found " + text.length() + " characters";
        }
        if (value == null) {
            return ", found none";
        }
        return (value instanceof String text) ? ", found \"" + text + "\"" : ", found " + value;
    }

    private static String describeType(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a " + type.getSimpleName().toLowerCase();
    }

    private static ResponseEntity<Object> answer(ErrorCode code, String detail, List<String> errors,
            HttpServletRequest request) {
        return ResponseEntity.status(code.status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(Problems.problem(code, detail, errors, request.getRequestURI()));
    }

}
