package ai.aimass.console.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The login page, and the page for a form sent with a stale token; Spring Security
 * handles the form the login page posts and the logout.
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

    /**
     * What a signed-in user sees when a form they sent carried a token from before their
     * latest login. Any method: {@link StaleFormHandler} forwards the refused request
     * here as it came.
     */
    @RequestMapping(StaleFormHandler.FORM_EXPIRED_PATH)
    ModelAndView formExpired() {
        ModelAndView page = new ModelAndView("error", HttpStatus.FORBIDDEN);
        page.addObject("heading", "The form was not sent");
        page.addObject("message", "This form was opened before your latest login, so the console did not send it "
                + "and nothing was changed. Go back, reload the page and send the form again.");
        return page;
    }

}
