package ai.aimass.inference.security;

import java.time.Duration;
import java.util.Arrays;

import ai.aimass.inference.InferenceProperties;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what: health probes and server metadata are open, every model endpoint
 * needs an API key with the {@code predict} scope or a tenant user's token.
 * <p>
 * Refusals are passed to the service's error handler, so that they have the same body as
 * every other error of the path.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final RequestMatcher PUBLIC_PATHS = publicPaths("/v2", "/v2/", "/v2/health/**", "/actuator/health",
            "/actuator/health/**", "/actuator/info", "/error");

    @Bean
    SecurityFilterChain inferenceSecurity(HttpSecurity http, ApiKeyAuthenticator apiKeys,
            UserTokenAuthenticator userTokens,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errorResolver) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, ex) -> errorResolver.resolveException(request,
                response, null, ex);
        AccessDeniedHandler deniedHandler = (request, response, ex) -> errorResolver.resolveException(request, response,
                null, explainDenial(ex));
        http.csrf(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_PATHS)
                .permitAll()
                .anyRequest()
                .hasAuthority("SCOPE_" + InferencePrincipal.PREDICT_SCOPE))
            .exceptionHandling(
                    (exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
            .addFilterBefore(
                    new CredentialAuthenticationFilter(apiKeys, userTokens, entryPoint, errorResolver, PUBLIC_PATHS),
                    AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    UserTokenAuthenticator userTokenAuthenticator(InferenceProperties properties) {
        return new UserTokenAuthenticator(userTokenDecoder(properties), properties.jwksUri().toString());
    }

    /**
     * The decoder fetches the key set on the first token it sees, not at startup, and
     * caches it; a token signed with a key it does not know makes it fetch the set again.
     * It checks the signature, the issuer and the expiry, which must be present.
     */
    static JwtDecoder userTokenDecoder(InferenceProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(2));
        requests.setReadTimeout(Duration.ofSeconds(5));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .restOperations(new RestTemplate(requests))
            .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(
                JwtValidators.createDefaultWithIssuer(properties.tokenIssuer()), SecurityConfiguration::requireExpiry));
        return decoder;
    }

    /**
     * The default validators check exp only when it is there; a token without one never
     * expires.
     */
    private static OAuth2TokenValidatorResult requireExpiry(Jwt jwt) {
        if (jwt.getExpiresAt() != null) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "claim \"" + JwtClaimNames.EXP + "\": expected an expiry time, found none", null));
    }

    private static AccessDeniedException explainDenial(AccessDeniedException ex) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof InferenceAuthentication verified)) {
            return ex;
        }
        InferencePrincipal principal = verified.getPrincipal();
        if (principal.tenantId() == null) {
            return new AccessDeniedException(principal.describe() + " belongs to no tenant (a platform admin); "
                    + "expected a tenant user's token or an API key with the scope \"predict\"");
        }
        String scopes = principal.scopes().isEmpty() ? "none"
                : String.join(", ", principal.scopes().stream().sorted().toList());
        return new AccessDeniedException(principal.describe() + " lacks the scope \"predict\": expected it among "
                + "the key's scopes, found " + scopes);
    }

    private static RequestMatcher publicPaths(String... patterns) {
        PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(
                Arrays.stream(patterns).map(builder::matcher).map(RequestMatcher.class::cast).toList());
    }

}
