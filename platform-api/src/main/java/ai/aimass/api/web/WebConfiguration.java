package ai.aimass.api.web;

import java.util.List;

import ai.aimass.api.auth.CallerArgumentResolver;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controller methods take the authenticated {@link ai.aimass.api.auth.Caller} as a
 * parameter, and keeps request bodies to JSON (and multipart for uploads).
 * <p>
 * swagger-core puts Jackson's YAML data format on the classpath, for which Spring MVC
 * would register a YAML converter: it would read {@code application/yaml} bodies with a
 * mapper that has none of the strict rules of {@link RequestJsonConfiguration}. It is
 * removed, so such a body is answered 415. springdoc writes {@code /v3/api-docs.yaml} as
 * a string and does not need it.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList((converters) -> converters.removeIf(WebConfiguration::readsYaml));
    }

    private static boolean readsYaml(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().anyMatch((type) -> type.getSubtype().endsWith("yaml"));
    }

}
