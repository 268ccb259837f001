package ai.aimass.inference.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.aimass.inference.InferenceException;
import ai.aimass.inference.InferenceProperties;
import ai.aimass.ml.json.JsonReadProblems;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a prediction request body as a JSON object, refusing bodies over
 * {@code aimass.inference.max-request-bytes} before parsing them, and objects that hold a
 * field twice.
 * <p>
 * The limit is checked twice: against {@code Content-Length} before anything is read, and
 * while reading, so that a chunked body without a length cannot exceed it either.
 */
@Component
public class RequestBodyReader {

    private final ObjectReader jsonReader;

    private final long maxBytes;

    public RequestBodyReader(JsonMapper jsonMapper, InferenceProperties properties) {
        this.jsonReader = jsonMapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.maxBytes = properties.maxRequestBytes().toBytes();
    }

    /**
     * Reads the body of a request as a JSON object.
     * @param request the request
     * @return the object
     * @throws InferenceException when the body is too large, empty, not JSON, not an
     * object or holds a field twice
     */
    public JsonNode readObject(HttpServletRequest request) {
        byte[] body = readBytes(request);
        if (isBlank(body)) {
            throw InferenceException.invalidInput("request body is empty: expected a JSON object");
        }
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw InferenceException
                .invalidInput("request body: expected a JSON object, found " + JsonValues.describe(node));
        }
        return node;
    }

    private byte[] readBytes(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > this.maxBytes) {
            throw tooLarge(declared + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBytes + 1));
            if (body.length > this.maxBytes) {
                throw tooLarge("more than that");
            }
            return body;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the request body", ex);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return this.jsonReader.readTree(body);
        }
        catch (JacksonException ex) {
            String duplicate = JsonReadProblems.describeDuplicate(ex);
            throw InferenceException.invalidInput((duplicate != null) ? duplicate
                    : "request body is not valid JSON" + where(ex.getLocation()) + ": expected a JSON object");
        }
    }

    private InferenceException tooLarge(String found) {
        return new InferenceException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                "request body is too large: expected at most " + this.maxBytes + " bytes, found " + found);
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

}
