package ai.aimass.console.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers a form whose CSRF token no longer holds, which is a page left open too long
 * rather than an attack in nearly every case, with a page that says what to do.
 * <p>
 * Without a signed-in user, the session the form belonged to has ended (the login page
 * left open for an hour, say): the visitor is sent to the login page, as for any expired
 * session. With one, the form was rendered before the user's latest login, which issues a
 * new token: the console did nothing, and says so. Any other refusal is Spring Security's
 * plain 403.
 */
final class StaleFormHandler implements AccessDeniedHandler {

    /** The page that explains a refused form to a signed-in user. */
    static final String FORM_EXPIRED_PATH = "/form-expired";

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException)) {
            this.otherwise.handle(request, response, denied);
            return;
        }
        boolean signedIn = ConsoleUser.current().isPresent();
        String target = signedIn ? FORM_EXPIRED_PATH : "/login?expired";
        if (request.getHeader(SecurityConfiguration.HTMX_REQUEST_HEADER) != null) {
            // htmx would swap a page into a fragment: it is told to load the page
            // instead.
            response.setHeader("HX-Redirect", request.getContextPath() + target);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (signedIn) {
            request.getRequestDispatcher(FORM_EXPIRED_PATH).forward(request, response);
            return;
        }
        response.sendRedirect(request.getContextPath() + target);
    }

}
