package ai.aimass.console.web;

import java.io.IOException;

import ai.aimass.console.platform.ApiProblem;
import ai.aimass.console.security.ConsoleUser;
import ai.aimass.console.security.SecurityConfiguration;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns what the services answered, or failed to answer, into a page a person can act on:
 * never a stack trace or a service's raw answer.
 * <p>
 * A token that platform-api no longer accepts ends the console session too: the user logs
 * in again and comes back to the page asked for. Something missing from the user's tenant
 * is a not-found page, whether it does not exist or belongs to another tenant.
 */
@ControllerAdvice
class ConsoleErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorHandler.class);

    /**
     * The page that Spring Boot's error controller also shows for a 404, so that a
     * missing resource and a missing page look the same.
     */
    private static final String NOT_FOUND_VIEW = "error/404";

    @ExceptionHandler(ApiProblem.class)
    ModelAndView handleProblem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (problem.isUnauthorized()) {
            return relogin(request, response);
        }
        if (problem.isNotFound()) {
            return page(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND, problem.getMessage());
        }
        if (problem.isForbidden()) {
            String role = ConsoleUser.current().map(ConsoleUser::roleLabel).orElse("yours");
            ModelAndView page = page("error", HttpStatus.FORBIDDEN, "Your role (" + role + ") may not do this; a "
                    + "tenant admin or a data scientist can. The platform said: " + problem.getMessage());
            page.addObject("heading", "Not for your role");
            return page;
        }
        HttpStatus status = (problem.isRefusal()) ? HttpStatus.valueOf(problem.status()) : HttpStatus.BAD_GATEWAY;
        return page("error", status, problem.getMessage());
    }

    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView handleUnreachable(ResourceAccessException ex) {
        log.warn("A platform service could not be reached: {}", ex.getMessage());
        return page("error", HttpStatus.SERVICE_UNAVAILABLE,
                "The platform cannot be reached just now. Try again in a moment; if it goes on, ask an operator "
                        + "whether platform-api and inference-service are running.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView handleNoPage(NoResourceFoundException ex) {
        return page(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND, "There is no such page.");
    }

    /**
     * An id that is not an id, or a link missing a part: the address is wrong, which a
     * person mends by going back, not an operator.
     */
    @ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
    ModelAndView handleBadAddress(Exception ex) {
        return page(NOT_FOUND_VIEW, HttpStatus.NOT_FOUND,
                "This address is not complete or not right; go back and follow a link instead.");
    }

    private ModelAndView relogin(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        if (SecurityConfiguration.isPageRequest(request)) {
            new HttpSessionRequestCache().saveRequest(request, response);
        }
        if (request.getHeader(SecurityConfiguration.HTMX_REQUEST_HEADER) != null) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
            return new ModelAndView("empty", HttpStatus.UNAUTHORIZED);
        }
        return new ModelAndView("redirect:/login?expired");
    }

    private static ModelAndView page(String view, HttpStatus status, String message) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("message", message);
        // Exception handlers get no model attributes of their own; the layout needs
        // these.
        page.addObject("currentUser", ConsoleUser.current().orElse(null));
        page.addObject("section", "");
        return page;
    }

}
