package ai.aimass.api.web;

import ai.aimass.api.auth.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: every endpoint needs a bearer token from
 * {@code POST /api/v1/auth/token} unless it says otherwise.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The name of the bearer scheme in the document. */
    public static final String BEARER_SCHEME = "bearer";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI platformOpenApi() {
        SecurityScheme bearer = new SecurityScheme().type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description("An access token from POST /api/v1/auth/token");
        return new OpenAPI()
            .info(new Info().title("AI Mass control plane")
                .version("v1")
                .description("Tenants, users, API keys, datasets, federated jobs and models."))
            .components(new Components().addSecuritySchemes(BEARER_SCHEME, bearer))
            .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

}
