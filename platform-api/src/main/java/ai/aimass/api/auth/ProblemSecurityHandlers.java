package ai.aimass.api.auth;

import java.io.IOException;

import ai.aimass.api.problem.ErrorCode;
import ai.aimass.api.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers requests that the security filters refuse with the same problem documents as
 * the controllers: 401 {@code unauthorized} without a valid token, 403 {@code forbidden}
 * for a role that may not make the request.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        Problems.write(request, response, ErrorCode.UNAUTHORIZED, describe(request, exception));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        Problems.write(request, response, ErrorCode.FORBIDDEN, "role " + callerRole() + ": may not "
                + request.getMethod() + " " + request.getRequestURI() + "; see docs/api.md for the roles allowed");
    }

    private static String describe(HttpServletRequest request, AuthenticationException exception) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return "Authorization: expected a bearer token from POST /api/v1/auth/token, found none";
        }
        if (exception instanceof InvalidBearerTokenException) {
            return "Authorization: expected a valid bearer token from POST /api/v1/auth/token, found one that is "
                    + "expired, malformed or not signed by this platform";
        }
        return "Authorization: expected \"Bearer <token>\" with a token from POST /api/v1/auth/token, found a "
                + "header that is not one";
    }

    private static String callerRole() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return "none";
        }
        return authentication.getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .filter((authority) -> authority.startsWith("ROLE_"))
            .map((authority) -> authority.substring("ROLE_".length()))
            .findFirst()
            .orElse("none");
    }

}
