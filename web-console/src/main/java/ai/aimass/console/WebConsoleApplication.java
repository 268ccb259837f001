package ai.aimass.console;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web console: the data scientist's pages for datasets, jobs, models, API keys and
 * predictions.
 * <p>
 * It is a client of the public REST APIs of platform-api and inference-service and of
 * nothing else: it has no database, and what it does a script can do. The user's access
 * token stays in the server-side HTTP session; the browser holds only the session cookie.
 * Its settings live in {@code web-console.properties}, so that it can share one class
 * path with the other services in the standalone distribution.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebConsoleApplication {

    /** The name of the service, and of its configuration file. */
    public static final String SERVICE_NAME = "web-console";

    /**
     * Returns a builder for this service, reading {@code web-console.properties}.
     * @return the builder, not yet run
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(WebConsoleApplication.class)
            .properties("spring.config.name=" + SERVICE_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }

}
