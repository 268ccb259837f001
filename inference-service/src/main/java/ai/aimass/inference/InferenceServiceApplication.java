package ai.aimass.inference;

import ai.aimass.data.PlatformDataConfiguration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The inference service: serves published model versions to devices and apps over the
 * Open Inference Protocol v2 ({@code /v2}) and as named features ({@code /v1}).
 * <p>
 * Its settings live in {@code inference-service.properties}, not
 * {@code application.properties}, because the standalone launcher runs it beside the
 * other services on one classpath.
 */
@SpringBootApplication
@Import(PlatformDataConfiguration.class)
@EnableConfigurationProperties(InferenceProperties.class)
public class InferenceServiceApplication {

    /** The configuration file name of this service. */
    public static final String CONFIG_NAME = "inference-service";

    /**
     * Returns a builder that starts this service with its own configuration file.
     * @return the builder
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(InferenceServiceApplication.class)
            .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }

}
