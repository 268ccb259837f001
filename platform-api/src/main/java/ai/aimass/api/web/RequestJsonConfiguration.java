package ai.aimass.api.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes request bodies strict where Boot has no property for it: a field that appears
 * twice in one object is refused instead of keeping the last value, an enum or a string
 * must be sent as a JSON string (no {@code 1} for the second role, no {@code 12345678}
 * for a password), and no string may hold a NUL character, which PostgreSQL text cannot
 * store.
 * <p>
 * The other strict reading rules are properties in {@code platform-api.properties}.
 */
@Configuration(proxyBeanMethods = false)
public class RequestJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictRequestReading() {
        return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Textual,
                    (config) -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .addModule(new SimpleModule("aimass-request-strings").addDeserializer(String.class,
                    new NulRefusingStringDeserializer()));
    }

    /**
     * Reads strings as Jackson does and refuses one that holds a NUL character.
     */
    static final class NulRefusingStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            int index = (value != null) ? value.indexOf('\u0000') : -1;
            if (index >= 0) {
                throw new NulCharacterException(parser, index);
            }
            return value;
        }

    }

}
