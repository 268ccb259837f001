package ai.aimass.api.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import ai.aimass.data.user.Role;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: every request but login, the key set, the API document and health
 * needs a bearer token signed by this service, and each endpoint names the roles that may
 * call it (the table in {@code docs/api.md}).
 * <p>
 * The API is stateless: no session, no cookie, so no CSRF protection is needed.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String ADMIN = Role.TENANT_ADMIN.name();

    private static final String SCIENTIST = Role.DATA_SCIENTIST.name();

    private static final String VIEWER = Role.VIEWER.name();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers();
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/auth/jwks")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                        "/swagger-ui/**")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                .requestMatchers("/error")
                .permitAll()
                .requestMatchers("/api/v1/tenants", "/api/v1/tenants/**")
                .hasRole(Role.PLATFORM_ADMIN.name())
                .requestMatchers("/api/v1/users", "/api/v1/users/**")
                .hasRole(ADMIN)
                .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**")
                .hasAnyRole(ADMIN, SCIENTIST)
                .requestMatchers(HttpMethod.POST, "/api/v1/datasets", "/api/v1/jobs", "/api/v1/jobs/*/cancel")
                .hasAnyRole(ADMIN, SCIENTIST)
                .requestMatchers(HttpMethod.PUT, "/api/v1/models/*/aliases/*")
                .hasAnyRole(ADMIN, SCIENTIST)
                .requestMatchers(HttpMethod.GET, "/api/v1/datasets/**", "/api/v1/jobs/**", "/api/v1/models/**")
                .hasAnyRole(ADMIN, SCIENTIST, VIEWER)
                .anyRequest()
                .authenticated())
            .oauth2ResourceServer((resourceServer) -> resourceServer
                .jwt((jwt) -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                .authenticationEntryPoint(handlers)
                .accessDeniedHandler(handlers))
            .exceptionHandling(
                    (exceptions) -> exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    @Bean
    RSAKey tokenSigningKey(PlatformSecurityProperties properties) {
        return SigningKeys.load(properties.signingKeyFile());
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey tokenSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(tokenSigningKey)));
    }

    @Bean
    TokenVerificationKeys tokenVerificationKeys(RSAKey tokenSigningKey, PlatformSecurityProperties properties) {
        return TokenVerificationKeys.of(tokenSigningKey, properties.previousSigningKeyDir());
    }

    @Bean
    JwtDecoder jwtDecoder(TokenVerificationKeys keys) {
        return tokenDecoder(keys);
    }

    /**
     * Verifies a token's RS256 signature with the key its {@code kid} names among the
     * given keys, then its claims.
     * @param keys the keys that may have signed it
     * @return the decoder
     */
    static JwtDecoder tokenDecoder(TokenVerificationKeys keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(
                new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys.publicSet())));
        // The claims are checked by the validators below, as for any Spring decoder.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        // The default validators check exp only when it is there; a token without one
        // never expires.
        List<OAuth2TokenValidator<Jwt>> validators = List.of(JwtValidators.createDefaultWithIssuer(TokenService.ISSUER),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<String>(TokenService.ROLE_CLAIM, SecurityConfiguration::isRole));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenService.ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static boolean isRole(String value) {
        for (Role role : Role.values()) {
            if (role.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

}
