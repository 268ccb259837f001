package ai.aimass.console;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the console finds the platform.
 *
 * @param platformApiUrl base URL of platform-api, without {@code /api/v1}
 * @param inferenceUrl base URL of inference-service
 * @param connectTimeout how long to wait for a connection to either service
 * @param readTimeout how long to wait for an answer of either service; event streams are
 * exempt
 * @param maxEventStreams how many job event streams the console relays at once; each
 * holds a thread and a connection to platform-api while it is open
 */
@ConfigurationProperties("aimass.console")
public record ConsoleProperties(URI platformApiUrl, URI inferenceUrl, Duration connectTimeout, Duration readTimeout,
        Integer maxEventStreams) {

    /** The default platform-api URL, the quick start's. */
    public static final URI DEFAULT_PLATFORM_API_URL = URI.create("http://localhost:8080");

    /** The default inference-service URL, the quick start's. */
    public static final URI DEFAULT_INFERENCE_URL = URI.create("http://localhost:8081");

    /** The default number of job event streams relayed at once. */
    public static final int DEFAULT_MAX_EVENT_STREAMS = 200;

    public ConsoleProperties {
        platformApiUrl = (platformApiUrl != null) ? platformApiUrl : DEFAULT_PLATFORM_API_URL;
        inferenceUrl = (inferenceUrl != null) ? inferenceUrl : DEFAULT_INFERENCE_URL;
        connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
        readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(60);
        maxEventStreams = (maxEventStreams != null) ? maxEventStreams : DEFAULT_MAX_EVENT_STREAMS;
        if (maxEventStreams < 1) {
            throw new IllegalArgumentException(
                    "aimass.console.max-event-streams: expected at least 1, found " + maxEventStreams);
        }
    }

}
