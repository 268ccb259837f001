package ai.aimass.console.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import ai.aimass.console.platform.ApiProblem;
import ai.aimass.console.security.ConsoleUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The model pages: the registry, a model's versions, two versions side by side, and
 * moving an alias after a confirmation.
 */
@Controller
class ModelController {

    /**
     * platform-api's rule for an alias, which decides; the console checks it before
     * asking the user to confirm a move that would then be refused.
     */
    private static final Pattern ALIAS = Pattern.compile("(?=.*[a-z])[a-z0-9-]{1,100}");

    private final ModelClient models;

    ModelController(ModelClient models) {
        this.models = models;
    }

    @GetMapping("/models")
    String listModels(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("models", this.models.listModels(Math.max(page, 0), 20));
        return "models/list";
    }

    @GetMapping("/models/{name}")
    String showModel(@PathVariable String name, Model model) {
        return modelPage(name, "production", null, null, model);
    }

    @GetMapping("/models/{name}/compare")
    String compareVersions(@PathVariable String name, @RequestParam int a, @RequestParam int b, Model model) {
        List<ModelVersion> versions = this.models.listVersions(name);
        model.addAttribute("model", this.models.getModel(name));
        ModelVersion left = find(versions, a).orElseThrow(() -> versionNotFound(name, a));
        ModelVersion right = find(versions, b).orElseThrow(() -> versionNotFound(name, b));
        model.addAttribute("left", left);
        model.addAttribute("right", right);
        // Metrics, then settings, then what else made each version.
        List<ComparedFact> rows = new ArrayList<>(ComparedFact.join(left.metricFacts(), right.metricFacts()));
        rows.addAll(ComparedFact.join(left.specFacts(), right.specFacts()));
        rows.addAll(ComparedFact.join(left.provenanceFacts(), right.provenanceFacts()));
        model.addAttribute("rows", rows);
        return "models/compare";
    }

    @GetMapping("/models/{name}/aliases/move")
    String confirmAliasMove(@PathVariable String name, @RequestParam(defaultValue = "") String alias,
            @RequestParam int version, Model model) {
        requireWriter();
        String wanted = alias.trim();
        if (!ALIAS.matcher(wanted).matches()) {
            return modelPage(name, wanted, version, "alias: expected lowercase letters, digits and dashes (1 to 100) "
                    + "with at least one letter, found \"" + wanted + "\"", model);
        }
        if (find(this.models.listVersions(name), version).isEmpty()) {
            throw versionNotFound(name, version);
        }
        return confirmation(name, wanted, version, null, model);
    }

    @PostMapping("/models/{name}/aliases/move")
    String moveAlias(@PathVariable String name, @RequestParam String alias, @RequestParam int version,
            @RequestParam(defaultValue = "false") boolean force, Model model, RedirectAttributes redirect) {
        requireWriter();
        try {
            this.models.moveAlias(name, alias, version, force);
        }
        catch (ApiProblem problem) {
            if (!problem.isRefusal() || problem.isForbidden()
                    || problem.isNotFound() && !problem.getMessage().startsWith("version")) {
                throw problem;
            }
            return confirmation(name, alias, version, problem, model);
        }
        redirect.addFlashAttribute("notice", "Alias " + alias + " now points at version " + version + ".");
        return "redirect:/models/" + name;
    }

    /**
     * A viewer sees the models but does not get to confirm a move that the platform
     * refuses.
     */
    private static void requireWriter() {
        if (!ConsoleUser.current().map(ConsoleUser::canWrite).orElse(false)) {
            throw new ApiProblem(403, "forbidden",
                    "role: expected a tenant admin or a data scientist to move an " + "alias, found a viewer",
                    List.of());
        }
    }

    private String modelPage(String name, String alias, Integer version, String aliasError, Model model) {
        model.addAttribute("model", this.models.getModel(name));
        model.addAttribute("versions", this.models.listVersions(name));
        model.addAttribute("alias", alias);
        model.addAttribute("aliasVersion", version);
        model.addAttribute("aliasError", aliasError);
        return "models/detail";
    }

    private String confirmation(String name, String alias, int version, ApiProblem problem, Model model) {
        ai.aimass.console.model.Model registered = this.models.getModel(name);
        model.addAttribute("model", registered);
        model.addAttribute("alias", alias);
        model.addAttribute("version", version);
        model.addAttribute("currentVersion", registered.aliases().get(alias));
        model.addAttribute("problem", (problem != null) ? problem.getMessage() : null);
        model.addAttribute("schemaMismatch", problem != null && "schema_mismatch".equals(problem.code()));
        return "models/alias-confirm";
    }

    private static Optional<ModelVersion> find(List<ModelVersion> versions, int number) {
        return versions.stream().filter((version) -> version.version() == number).findFirst();
    }

    private static ApiProblem versionNotFound(String name, int version) {
        return new ApiProblem(404, "not_found",
                "version: expected a version of model " + name + ", found none " + "numbered " + version, List.of());
    }

}
