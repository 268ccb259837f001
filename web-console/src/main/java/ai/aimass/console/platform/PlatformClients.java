package ai.aimass.console.platform;

import java.time.Duration;

import ai.aimass.console.ConsoleProperties;
import ai.aimass.console.security.ConsoleUser;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients of the two services the console talks to.
 * <p>
 * Both send the signed-in user's access token, read from the security context at the time
 * of the call, and turn every error answer into an {@link ApiProblem}.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformClients {

    /** Qualifier of the platform-api client. */
    public static final String PLATFORM_API = "platformApi";

    /** Qualifier of the inference-service client. */
    public static final String INFERENCE = "inference";

    @Bean(PLATFORM_API)
    RestClient platformApi(RestClient.Builder builder, ConsoleProperties properties) {
        return configure(builder.clone(), properties).baseUrl(properties.platformApiUrl().toString()).build();
    }

    @Bean(INFERENCE)
    RestClient inference(RestClient.Builder builder, ConsoleProperties properties) {
        return configure(builder.clone(), properties).baseUrl(properties.inferenceUrl().toString()).build();
    }

    @Bean
    RestClientCustomizer problemStatusHandler() {
        return (builder) -> builder.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
            throw ProblemReader.read(response);
        });
    }

    /**
     * A request factory for event streams, which may stay open for as long as a job runs.
     * @param properties the console's settings
     * @return a factory without a read timeout
     */
    public static SimpleClientHttpRequestFactory streamingRequestFactory(ConsoleProperties properties) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.connectTimeout());
        factory.setReadTimeout(Duration.ZERO);
        return factory;
    }

    private static RestClient.Builder configure(RestClient.Builder builder, ConsoleProperties properties) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(properties.connectTimeout());
        factory.setReadTimeout(properties.readTimeout());
        return builder.requestFactory(factory).requestInterceptor((request, body, execution) -> {
            ConsoleUser.current()
                .ifPresent((user) -> request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + user.token()));
            return execution.execute(request, body);
        });
    }

}
