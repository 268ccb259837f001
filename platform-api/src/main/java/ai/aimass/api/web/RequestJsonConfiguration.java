package ai.aimass.api.web;

import tools.jackson.core.StreamReadFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes request bodies refuse a field that appears twice in one object, instead of
 * keeping the last value.
 * <p>
 * Boot 4 has no property for Jackson's stream read features, so this customizer sets it;
 * the other strict reading rules are properties in {@code platform-api.properties}.
 */
@Configuration(proxyBeanMethods = false)
public class RequestJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictDuplicateDetection() {
        return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

}
