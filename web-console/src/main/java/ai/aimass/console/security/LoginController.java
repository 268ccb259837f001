package ai.aimass.console.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page; Spring Security handles the form it posts and the logout.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String expired,
            @RequestParam(required = false) String logout, HttpSession session, Model model) {
        if (ConsoleUser.current().isPresent()) {
            return "redirect:/";
        }
        if (error != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("error",
                    (failure instanceof AuthenticationException ex) ? ex.getMessage() : "Wrong username or password.");
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        }
        else if (expired != null) {
            model.addAttribute("notice", "Your session has ended. Log in again to go on where you were.");
        }
        else if (logout != null) {
            model.addAttribute("notice", "You are logged out.");
        }
        return "login";
    }

}
