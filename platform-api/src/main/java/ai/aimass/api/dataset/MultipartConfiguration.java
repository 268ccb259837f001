package ai.aimass.api.dataset;

import ai.aimass.api.ApiProperties;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sets the servlet container's upload limits a little above the dataset limit, so that a
 * file just over it still reaches the dataset check and its precise message, while a far
 * larger request is cut off before it is read.
 */
@Configuration(proxyBeanMethods = false)
class MultipartConfiguration {

    private static final long FORM_FIELDS_MARGIN = 1024 * 1024;

    private static final int MEMORY_THRESHOLD = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(ApiProperties properties) {
        long maxFileBytes = properties.maxDatasetBytes().toBytes() + FORM_FIELDS_MARGIN;
        return new MultipartConfigElement("", maxFileBytes, maxFileBytes + FORM_FIELDS_MARGIN, MEMORY_THRESHOLD);
    }

}
