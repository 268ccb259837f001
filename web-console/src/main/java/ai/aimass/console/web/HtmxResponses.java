package ai.aimass.console.web;

import ai.aimass.console.security.SecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers for forms that htmx posts and that also work as plain forms.
 */
public final class HtmxResponses {

    private HtmxResponses() {
    }

    /** Whether htmx made the request. */
    public static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader(SecurityConfiguration.HTMX_REQUEST_HEADER) != null;
    }

    /**
     * Sends the browser to another page: by {@code HX-Redirect} for htmx, by a plain
     * redirect otherwise.
     * @param request the request
     * @param response the response
     * @param path the page, from the console's root
     * @return the view name to return
     */
    public static String redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        if (isHtmx(request)) {
            response.setHeader("HX-Redirect", request.getContextPath() + path);
            return "empty";
        }
        return "redirect:" + path;
    }

}
