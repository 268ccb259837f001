package ai.aimass.console.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import ai.aimass.console.dataset.Dataset;
import ai.aimass.console.dataset.DatasetClient;
import ai.aimass.console.platform.ApiProblem;
import ai.aimass.console.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Try a model: a form made from a version's input schema, answered by inference-service
 * with the user's own token, exactly as a device would be answered.
 * <p>
 * The fields start at the means of the first training dataset, so that one click gives a
 * prediction and a person changes only the values of interest.
 */
@Controller
class TryModelController {

    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private static final String FEATURE_PREFIX = "f.";

    private final ModelClient models;

    private final DatasetClient datasets;

    private final PredictionClient predictions;

    TryModelController(ModelClient models, DatasetClient datasets, PredictionClient predictions) {
        this.models = models;
        this.datasets = datasets;
        this.predictions = predictions;
    }

    @GetMapping("/models/{name}/try")
    String tryModel(@PathVariable String name, @RequestParam(required = false) String version, Model model) {
        TryTarget target = target(name, version);
        model.addAttribute("values", defaults(target.version()));
        return form(target, new FormErrors(), null, model);
    }

    @PostMapping("/models/{name}/try")
    String predict(@PathVariable String name, @RequestParam(required = false) String version,
            @RequestParam MultiValueMap<String, String> params, Model model) {
        TryTarget target = target(name, version);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> instance = new LinkedHashMap<>();
        for (ModelVersion.Feature feature : target.version().features()) {
            String value = Optional.ofNullable(params.getFirst(FEATURE_PREFIX + feature.name())).orElse("").trim();
            values.put(feature.name(), value);
            instance.put(feature.name(),
                    (feature.numeric() && NUMBER.matcher(value).matches()) ? Double.valueOf(value) : value);
        }
        model.addAttribute("values", values);
        FormErrors errors = new FormErrors();
        PredictionClient.PredictResponse answer = null;
        try {
            answer = this.predictions.predict(name, target.reference(), instance);
        }
        catch (ApiProblem problem) {
            if (!problem.isRefusal() || problem.isNotFound()) {
                throw problem;
            }
            errors = FormErrors.place(problem.errors(), fieldPrefixes(target.version()));
        }
        return form(target, errors, answer, model);
    }

    private String form(TryTarget target, FormErrors errors, PredictionClient.PredictResponse answer, Model model) {
        model.addAttribute("model", target.model());
        model.addAttribute("versions", target.versions());
        model.addAttribute("target", target);
        model.addAttribute("errors", errors);
        model.addAttribute("answer", answer);
        model.addAttribute("prediction",
                (answer != null && !answer.predictions().isEmpty()) ? answer.predictions().get(0) : null);
        return "models/try";
    }

    private TryTarget target(String name, String requested) {
        ai.aimass.console.model.Model registered = this.models.getModel(name);
        List<ModelVersion> versions = this.models.listVersions(name);
        String reference = (requested != null && !requested.isBlank()) ? requested.trim()
                : registered.aliases().containsKey("production") ? "production"
                        : Integer.toString(registered.latestVersion());
        Integer number = registered.aliases().get(reference);
        if (number == null && reference.matches("\\d{1,9}")) {
            number = Integer.valueOf(reference);
        }
        Integer wanted = number;
        ModelVersion version = versions.stream()
            .filter((candidate) -> wanted != null && candidate.version() == wanted)
            .findFirst()
            .orElseThrow(() -> new ApiProblem(404, "not_found",
                    "version: expected a version or alias of model " + name + ", found none named " + reference,
                    List.of()));
        return new TryTarget(registered, versions, reference, version);
    }

    private Map<String, String> defaults(ModelVersion version) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Dataset.Column> columns = new LinkedHashMap<>();
        version.datasets()
            .stream()
            .findFirst()
            .flatMap(this::readDataset)
            .ifPresent((dataset) -> dataset.columns().forEach((column) -> columns.put(column.name(), column)));
        for (ModelVersion.Feature feature : version.features()) {
            Dataset.Column column = columns.get(feature.name());
            if (column != null && column.numeric() && column.mean() != null) {
                values.put(feature.name(), roundedMean(column.mean()));
            }
            else if (!feature.categories().isEmpty()) {
                values.put(feature.name(), feature.categories().get(0));
            }
            else {
                values.put(feature.name(), "");
            }
        }
        return values;
    }

    private Optional<Dataset> readDataset(ModelVersion.DatasetUse use) {
        try {
            return Optional.of(this.datasets.getDataset(UUID.fromString(use.datasetId())));
        }
        catch (ApiProblem | IllegalArgumentException ex) {
            // The dataset is gone or unreadable; the form starts empty instead.
            return Optional.empty();
        }
    }

    private static String roundedMean(double mean) {
        return new java.math.BigDecimal(mean).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> fieldPrefixes(ModelVersion version) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (ModelVersion.Feature feature : version.features()) {
            prefixes.put("instances[0]." + feature.name(), feature.name());
            prefixes.put("instances[0].\"" + feature.name() + "\"", feature.name());
        }
        return prefixes;
    }

    /**
     * The version a try form is for.
     *
     * @param model the model
     * @param versions all its versions, for the version choice
     * @param reference the alias or number asked for
     * @param version the version it resolves to now
     */
    record TryTarget(ai.aimass.console.model.Model model, List<ModelVersion> versions, String reference,
            ModelVersion version) {

        /** The aliases and version numbers a person may choose from. */
        public List<String> choices() {
            List<String> choices = new ArrayList<>(this.model.aliases().keySet());
            this.versions.forEach((version) -> choices.add(Integer.toString(version.version())));
            return choices;
        }

    }

}
