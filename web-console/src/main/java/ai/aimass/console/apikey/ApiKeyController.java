package ai.aimass.console.apikey;

import java.util.List;
import java.util.Map;

import ai.aimass.console.platform.ApiPage;
import ai.aimass.console.platform.ApiProblem;
import ai.aimass.console.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API key page: create a key (its secret shown once), list and revoke keys.
 * <p>
 * A created key is shown on the page that the create form redirects to, carried there as
 * a flash attribute: the secret is in the session for that one request only, so a reload
 * shows it no more (platform-api cannot show it again either) and does not send the form
 * again, which would make a second key.
 */
@Controller
class ApiKeyController {

    private static final Map<String, String> FIELDS = Map.of("name", "name", "scopes", "scopes");

    private final ApiKeyClient keys;

    ApiKeyController(ApiKeyClient keys) {
        this.keys = keys;
    }

    /** The flash attribute that carries a created key to the page after the redirect. */
    private static final String CREATED = "created";

    @GetMapping("/api-keys")
    String listKeys(@RequestParam(defaultValue = "0") int page, Model model) {
        ApiKey created = (ApiKey) model.getAttribute(CREATED);
        return page((created != null) ? 0 : Math.max(page, 0), created, new FormErrors(), "", List.of("predict"),
                model);
    }

    @PostMapping("/api-keys")
    String createKey(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> scopes,
            Model model, RedirectAttributes redirect) {
        List<String> chosen = (scopes != null) ? scopes : List.of();
        FormErrors errors = new FormErrors();
        if (name.isBlank()) {
            errors.add("name", "name: expected what the key is for, such as ward-3-tablet, found nothing");
        }
        if (chosen.isEmpty()) {
            errors.add("scopes", "scopes: expected at least one of predict and participate, found none");
        }
        if (!errors.any()) {
            try {
                redirect.addFlashAttribute(CREATED, this.keys.createKey(name.trim(), chosen));
                return "redirect:/api-keys";
            }
            catch (ApiProblem problem) {
                if (!problem.isRefusal()) {
                    throw problem;
                }
                errors = FormErrors.place(problem.errors(), FIELDS);
            }
        }
        return page(0, null, errors, name, chosen, model);
    }

    @GetMapping("/api-keys/{id}/revoke")
    String confirmRevoke(@PathVariable String id, Model model) {
        ApiKey key = findKey(id);
        model.addAttribute("key", key);
        return "keys/revoke";
    }

    @PostMapping("/api-keys/{id}/revoke")
    String revokeKey(@PathVariable String id, RedirectAttributes redirect) {
        this.keys.revokeKey(id);
        redirect.addFlashAttribute("notice",
                "Key " + id + " is revoked. Devices that use it are refused within " + "30 seconds.");
        return "redirect:/api-keys";
    }

    private ApiKey findKey(String id) {
        for (int page = 0;; page++) {
            ApiPage<ApiKey> keys = this.keys.listKeys(page, 100);
            for (ApiKey key : keys.items()) {
                if (key.id().equals(id)) {
                    return key;
                }
            }
            if (!keys.hasNext()) {
                throw new ApiProblem(404, "not_found",
                        "id: expected an API key of your tenant, found none with id " + id, List.of());
            }
        }
    }

    private String page(int page, ApiKey created, FormErrors errors, String name, List<String> scopes, Model model) {
        model.addAttribute("scopes", scopes);
        model.addAttribute("keys", this.keys.listKeys(page, 20));
        model.addAttribute("created", created);
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        return "keys/list";
    }

}
