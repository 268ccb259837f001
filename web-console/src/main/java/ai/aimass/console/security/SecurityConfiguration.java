package ai.aimass.console.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Every page but the login page needs a signed-in user; a visitor without one, or whose
 * session has expired, is sent to the login page and, once signed in, back to the page
 * that was asked for.
 * <p>
 * Forms carry a CSRF token, which Thymeleaf adds to every form it renders and htmx sends
 * as a header; a form whose token has gone stale gets a page that says so
 * ({@link StaleFormHandler}). Requests that htmx makes, and event streams, are not
 * remembered as the page to return to.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The header htmx sets on its requests. */
    public static final String HTMX_REQUEST_HEADER = "HX-Request";

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, PlatformLogin login) throws Exception {
        http.authenticationProvider(login)
            .authorizeHttpRequests((requests) -> requests
                .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                .permitAll()
                .anyRequest()
                .authenticated())
            .formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
            .logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .httpBasic(AbstractHttpConfigurer::disable)
            .requestCache((cache) -> cache.requestCache(requestCache()))
            .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(new LoginEntryPoint())
                .accessDeniedHandler(new StaleFormHandler()))
            .headers((headers) -> headers.contentSecurityPolicy((csp) -> csp
                .policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /**
     * Remembers the page a signed-out visitor asked for, if a person would return to it.
     */
    static RequestCache requestCache() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(SecurityConfiguration::isPageRequest);
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /**
     * Whether a request is a page a person would want to come back to after logging in.
     * @param request the request
     * @return true for a plain GET of a page
     */
    public static boolean isPageRequest(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return HttpMethod.GET.matches(request.getMethod()) && request.getHeader(HTMX_REQUEST_HEADER) == null
                && (accept == null || !accept.contains("text/event-stream"))
                && !request.getRequestURI().endsWith("/events")
                // Nothing to come back to: it explains a refused form, which was never
                // sent here.
                && !request.getRequestURI().endsWith(StaleFormHandler.FORM_EXPIRED_PATH);
    }

    /**
     * Sends a visitor to the login page, saying so when the session expired; an htmx
     * request is told to load the login page instead of swapping it into a fragment.
     */
    static final class LoginEntryPoint extends LoginUrlAuthenticationEntryPoint {

        LoginEntryPoint() {
            super("/login");
        }

        @Override
        protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) {
            boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            return expired ? "/login?expired" : "/login";
        }

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException exception) throws IOException, ServletException {
            if (request.getHeader(HTMX_REQUEST_HEADER) != null) {
                response.setHeader("HX-Redirect",
                        request.getContextPath() + determineUrlToUseForThisRequest(request, response, exception));
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            super.commence(request, response, exception);
        }

    }

}
