package ai.aimass.inference.security;

import java.io.IOException;

import ai.aimass.inference.InferenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authenticates a request from its API key ({@code X-API-Key: am_...} or
 * {@code Authorization: Bearer am_...}) or user token
 * ({@code Authorization: Bearer <JWT>}).
 * <p>
 * A request without credentials passes on unauthenticated, and the authorization rules
 * decide; a request whose credentials fail is answered 401 here, with the reason. A
 * request with both headers is refused (400) rather than have one silently win over the
 * other.
 */
final class CredentialAuthenticationFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-API-Key";

    static final String AMBIGUOUS_CREDENTIALS = "expected one credential, found both an Authorization header and "
            + "an X-API-Key header";

    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator apiKeys;

    private final UserTokenAuthenticator userTokens;

    private final AuthenticationEntryPoint entryPoint;

    private final HandlerExceptionResolver errorResolver;

    private final RequestMatcher publicPaths;

    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    CredentialAuthenticationFilter(ApiKeyAuthenticator apiKeys, UserTokenAuthenticator userTokens,
            AuthenticationEntryPoint entryPoint, HandlerExceptionResolver errorResolver, RequestMatcher publicPaths) {
        this.apiKeys = apiKeys;
        this.userTokens = userTokens;
        this.entryPoint = entryPoint;
        this.errorResolver = errorResolver;
        this.publicPaths = publicPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return this.publicPaths.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String apiKey = request.getHeader(API_KEY_HEADER);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (apiKey == null && authorization == null) {
            chain.doFilter(request, response);
            return;
        }
        if (apiKey != null && authorization != null) {
            this.contextHolder.clearContext();
            this.errorResolver.resolveException(request, response, null,
                    InferenceException.invalidInput(AMBIGUOUS_CREDENTIALS));
            return;
        }
        try {
            SecurityContext context = this.contextHolder.createEmptyContext();
            context.setAuthentication(authenticate(apiKey, authorization));
            this.contextHolder.setContext(context);
        }
        catch (AuthenticationException ex) {
            this.contextHolder.clearContext();
            this.entryPoint.commence(request, response, ex);
            return;
        }
        chain.doFilter(request, response);
    }

    private InferenceAuthentication authenticate(String apiKey, String authorization) {
        if (apiKey != null) {
            return this.apiKeys.authenticate(apiKey);
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new BadCredentialsException(
                    "Authorization header: expected \"Bearer <API key or user token>\", found another scheme");
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.isEmpty()) {
            throw new BadCredentialsException("Authorization header: expected a token after \"Bearer\", found none");
        }
        return PresentedApiKey.looksLikeApiKey(token) ? this.apiKeys.authenticate(token)
                : this.userTokens.authenticate(token);
    }

}
