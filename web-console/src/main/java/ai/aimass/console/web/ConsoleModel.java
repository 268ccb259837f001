package ai.aimass.console.web;

import ai.aimass.console.security.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: who is signed in and which section is open.
 */
@ControllerAdvice
class ConsoleModel {

    @ModelAttribute("currentUser")
    ConsoleUser currentUser() {
        return ConsoleUser.current().orElse(null);
    }

    @ModelAttribute("section")
    String section(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/");
        return (parts.length > 1) ? parts[1] : "";
    }

}
