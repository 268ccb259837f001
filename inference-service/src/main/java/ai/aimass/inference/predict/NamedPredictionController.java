package ai.aimass.inference.predict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.aimass.dl4j.predict.Prediction;
import ai.aimass.inference.InferenceException;
import ai.aimass.inference.registry.BundleCache;
import ai.aimass.inference.registry.LoadedModel;
import ai.aimass.inference.registry.ModelResolver;
import ai.aimass.inference.security.InferencePrincipal;
import ai.aimass.inference.web.JsonValues;
import ai.aimass.inference.web.RequestBodyReader;
import ai.aimass.ml.preprocess.InvalidFeatureException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Predictions from named features, for apps: {@code POST /v1/models/{name}:predict} with
 * {@code {"instances": [{"feature": value, ...}], "version": "2", "explain": true}}.
 * <p>
 * With {@code explain}, an ensemble's answer also lists how each member voted, so that a
 * person sees whether the members agree; a single network has no members to list.
 * <p>
 * The {@code version} is optional and may be a number or an alias; without it the
 * {@code production} alias, else the latest version, answers.
 */
@RestController
class NamedPredictionController {

    private static final Set<String> FIELDS = Set.of("instances", "version", "explain");

    private final RequestBodyReader bodyReader;

    private final ModelResolver resolver;

    private final BundleCache bundles;

    NamedPredictionController(RequestBodyReader bodyReader, ModelResolver resolver, BundleCache bundles) {
        this.bodyReader = bodyReader;
        this.resolver = resolver;
        this.bundles = bundles;
    }

    /*
     * The model name is matched up to the colon, so that ":predict" stays a literal verb
     * in the same path segment, as in Google-style custom methods.
     */
    @PostMapping("/v1/models/{name:[^:]+}:predict")
    PredictResponse predict(@PathVariable String name, HttpServletRequest request,
            @AuthenticationPrincipal InferencePrincipal principal) {
        JsonNode body = this.bodyReader.readObject(request);
        requireKnownFields(body);
        LoadedModel model = this.bundles.load(this.resolver.resolve(principal.tenantId(), name, versionOf(body)));
        boolean explain = explainOf(body);
        List<List<Object>> rows = InstanceReader.read(body.get("instances"), model.schema());
        return new PredictResponse(model.version().modelName(), model.version().versionLabel(),
                predict(model, rows, explain).stream()
                    .map((prediction) -> toInstance(prediction, model.labels()))
                    .toList());
    }

    private static List<Prediction> predict(LoadedModel model, List<List<Object>> rows, boolean explain) {
        try {
            return model.predictor().predictRows(rows, explain);
        }
        catch (InvalidFeatureException ex) {
            String where = (ex.rowIndex() >= 0) ? "instances[" + ex.rowIndex() + "]" : "instances";
            throw InferenceException.invalidInput(where + ": " + ex.getMessage());
        }
    }

    private static void requireKnownFields(JsonNode body) {
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                throw InferenceException.invalidInput("request body: unknown field \"" + field
                        + "\": expected only \"instances\" and, optionally, \"version\" and \"explain\"");
            }
        }
    }

    private static boolean explainOf(JsonNode body) {
        JsonNode explain = body.get("explain");
        if (explain == null || explain.isNull()) {
            return false;
        }
        if (!explain.isBoolean()) {
            throw InferenceException
                .invalidInput("explain: expected true or false, found " + JsonValues.describe(explain));
        }
        return explain.booleanValue();
    }

    private static String versionOf(JsonNode body) {
        JsonNode version = body.get("version");
        if (version == null || version.isNull()) {
            return null;
        }
        if (version.isIntegralNumber() && version.canConvertToInt() && version.intValue() > 0) {
            return Integer.toString(version.intValue());
        }
        if (version.isString() && !version.stringValue().isBlank()) {
            return version.stringValue();
        }
        throw InferenceException.invalidInput("version: expected a version number or an alias such as \""
                + ModelResolver.DEFAULT_ALIAS + "\", found " + JsonValues.describe(version));
    }

    private static PredictResponse.InstancePrediction toInstance(Prediction prediction, List<String> labels) {
        List<PredictResponse.MemberVote> members = (prediction.members() != null) ? prediction.members()
            .stream()
            .map((vote) -> new PredictResponse.MemberVote(vote.index(), vote.type(), vote.participant(), vote.label(),
                    byLabel(vote.probabilities(), labels), vote.weight()))
            .toList() : null;
        return new PredictResponse.InstancePrediction(prediction.label(), byLabel(prediction.probabilities(), labels),
                members);
    }

    private static Map<String, Double> byLabel(double[] values, List<String> labels) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            probabilities.put(labels.get(i), values[i]);
        }
        return probabilities;
    }

}
