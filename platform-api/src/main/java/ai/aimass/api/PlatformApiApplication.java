package ai.aimass.api;

import ai.aimass.data.PlatformDataConfiguration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The control plane: tenants, users, API keys, datasets, jobs and models over REST, and
 * the issuer of the platform's access tokens.
 * <p>
 * Its configuration file is {@code platform-api.properties}, so that it can share one
 * class path with the other services in the standalone distribution.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformDataConfiguration.class)
public class PlatformApiApplication {

    /** The name of the service, and of its configuration file. */
    public static final String SERVICE_NAME = "platform-api";

    /**
     * Returns a builder for this service, reading {@code platform-api.properties}.
     * @return the builder, not yet run
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PlatformApiApplication.class)
            .properties("spring.config.name=" + SERVICE_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }

}
