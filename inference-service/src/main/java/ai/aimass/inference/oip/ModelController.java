package ai.aimass.inference.oip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ai.aimass.dl4j.predict.MemberVote;
import ai.aimass.dl4j.predict.Prediction;
import ai.aimass.inference.InferenceException;
import ai.aimass.inference.oip.InferRequestReader.InferRequest;
import ai.aimass.inference.oip.OipResponses.InferResponse;
import ai.aimass.inference.oip.OipResponses.ModelMetadata;
import ai.aimass.inference.oip.OipResponses.ModelReady;
import ai.aimass.inference.oip.OipResponses.OutputTensor;
import ai.aimass.inference.oip.OipResponses.TensorMetadata;
import ai.aimass.inference.registry.BundleCache;
import ai.aimass.inference.registry.LoadedModel;
import ai.aimass.inference.registry.ModelResolver;
import ai.aimass.inference.registry.ResolvedVersion;
import ai.aimass.inference.security.InferencePrincipal;
import ai.aimass.inference.web.RequestBodyReader;
import ai.aimass.ml.bundle.EnsembleManifest;
import ai.aimass.ml.json.MlJson;
import ai.aimass.ml.preprocess.InvalidFeatureException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The model endpoints of the Open Inference Protocol v2: metadata, readiness and
 * inference, each with or without {@code /versions/{version}}.
 * <p>
 * The version segment may be a number or an alias; every answer names the concrete
 * version. Our tabular models with numeric features only take one input, {@code input}
 * (FP32, {@code [N, F]}, features in schema order); a model with a categorical feature
 * advertises no input and an {@code inputs_note} property pointing to the named API.
 * Every model gives {@code label} (BYTES, {@code [N]}) and {@code probabilities} (FP32,
 * {@code [N, C]}, classes in the order of the metadata's {@code label_names}). An
 * ensemble asked with the request parameter {@code explain} adds {@code member_labels}
 * (BYTES, {@code [N, K]}) and {@code member_probabilities} (FP32, {@code [N, K, C]}),
 * members in the order their parameters list.
 */
@RestController
class ModelController {

    static final String PLATFORM = "aimass_dl4j";

    /**
     * The metadata property that explains an empty {@code inputs}: a model with
     * categorical features takes no tensor, because a numeric tensor cannot carry a
     * category.
     */
    static final String INPUTS_NOTE_PROPERTY = "inputs_note";

    /** The extra output of an explained ensemble answer: each member's label. */
    static final String MEMBER_LABELS_OUTPUT = "member_labels";

    /** The extra output of an explained ensemble answer: each member's probabilities. */
    static final String MEMBER_PROBABILITIES_OUTPUT = "member_probabilities";

    private final RequestBodyReader bodyReader;

    private final ModelResolver resolver;

    private final BundleCache bundles;

    ModelController(RequestBodyReader bodyReader, ModelResolver resolver, BundleCache bundles) {
        this.bodyReader = bodyReader;
        this.resolver = resolver;
        this.bundles = bundles;
    }

    @GetMapping({ "/v2/models/{name}", "/v2/models/{name}/versions/{version}" })
    ModelMetadata metadata(@PathVariable String name, @PathVariable(required = false) String version,
            @AuthenticationPrincipal InferencePrincipal principal) {
        ResolvedVersion resolved = this.resolver.resolve(principal.tenantId(), name, version);
        LoadedModel model = this.bundles.load(resolved);
        boolean numericOnly = model.schema().numericOnly();
        List<TensorMetadata> inputs = numericOnly ? List.of(inputTensor(model)) : List.of();
        List<TensorMetadata> outputs = List
            .of(new TensorMetadata(InferRequestReader.LABEL_OUTPUT, "BYTES", List.of(-1)), new TensorMetadata(
                    InferRequestReader.PROBABILITIES_OUTPUT, "FP32", List.of(-1, model.labels().size())));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("model_version", resolved.versionLabel());
        properties.put("feature_names", String.join(",", model.schema().featureNames()));
        properties.put("label_names", String.join(",", model.labels()));
        if (!numericOnly) {
            properties.put(INPUTS_NOTE_PROPERTY, "categorical features: use POST /v1/models/" + resolved.modelName()
                    + ":predict with named features");
        }
        EnsembleManifest ensemble = model.manifest().ensemble();
        if (ensemble != null) {
            properties.put("ensemble_method", ensemble.method());
            properties.put("ensemble_members", Integer.toString(ensemble.members().size()));
            properties.put("explain_note",
                    "request parameters {\"explain\": true} add the outputs " + MEMBER_LABELS_OUTPUT
                            + " (BYTES, [N, K]) and " + MEMBER_PROBABILITIES_OUTPUT + " (FP32, [N, K, C])");
        }
        return new ModelMetadata(resolved.modelName(), this.resolver.versionLabels(resolved), PLATFORM, inputs, outputs,
                properties);
    }

    /** The one tensor a numeric model takes: every feature, in schema order, per row. */
    private static TensorMetadata inputTensor(LoadedModel model) {
        return new TensorMetadata(InferRequestReader.INPUT, "FP32", List.of(-1, model.schema().featureCount()));
    }

    @GetMapping({ "/v2/models/{name}/ready", "/v2/models/{name}/versions/{version}/ready" })
    ModelReady ready(@PathVariable String name, @PathVariable(required = false) String version,
            @AuthenticationPrincipal InferencePrincipal principal) {
        LoadedModel model = this.bundles.load(this.resolver.resolve(principal.tenantId(), name, version));
        return new ModelReady(model.version().modelName(), model.version().versionLabel(), true);
    }

    @PostMapping({ "/v2/models/{name}/infer", "/v2/models/{name}/versions/{version}/infer" })
    InferResponse infer(@PathVariable String name, @PathVariable(required = false) String version,
            HttpServletRequest request, @AuthenticationPrincipal InferencePrincipal principal) {
        JsonNode body = this.bodyReader.readObject(request);
        LoadedModel model = this.bundles.load(this.resolver.resolve(principal.tenantId(), name, version));
        InferRequest inference = InferRequestReader.read(body, model.schema());
        List<Prediction> predictions = predict(model, inference);
        List<OutputTensor> outputs = new ArrayList<>(inference.outputs()
            .stream()
            .map((output) -> output.equals(InferRequestReader.LABEL_OUTPUT) ? labels(predictions)
                    : probabilities(predictions, model.labels()))
            .toList());
        if (inference.explain() && !predictions.isEmpty() && predictions.get(0).members() != null) {
            outputs.addAll(memberVotes(predictions, model.labels()));
        }
        return new InferResponse(model.version().modelName(), model.version().versionLabel(), inference.id(), outputs);
    }

    /**
     * An ensemble's members as two tensors: each member's label, shape [rows, K], and
     * each member's probabilities, shape [rows, K, classes]; the parameters say which
     * member is which, in member order.
     */
    private static List<OutputTensor> memberVotes(List<Prediction> predictions, List<String> labels) {
        List<MemberVote> members = predictions.get(0).members();
        List<String> memberLabels = new ArrayList<>();
        List<Float> memberProbabilities = new ArrayList<>();
        for (Prediction prediction : predictions) {
            for (MemberVote vote : prediction.members()) {
                memberLabels.add(vote.label());
                for (double probability : vote.probabilities()) {
                    memberProbabilities.add((float) probability);
                }
            }
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("member_types", members.stream().map(MemberVote::type).collect(Collectors.joining(",")));
        // Participant names are free text and may hold commas, so they travel as a JSON
        // array in the string the protocol allows as a parameter.
        parameters.put("member_participants",
                MlJson.mapper().writeValueAsString(members.stream().map(MemberVote::participant).toList()));
        parameters.put("member_weights",
                members.stream().map((vote) -> Double.toString(vote.weight())).collect(Collectors.joining(",")));
        parameters.put("label_names", String.join(",", labels));
        return List.of(
                new OutputTensor(MEMBER_LABELS_OUTPUT, "BYTES", List.of(predictions.size(), members.size()), parameters,
                        memberLabels),
                new OutputTensor(MEMBER_PROBABILITIES_OUTPUT, "FP32",
                        List.of(predictions.size(), members.size(), labels.size()), parameters, memberProbabilities));
    }

    private static List<Prediction> predict(LoadedModel model, InferRequest inference) {
        try {
            return model.predictor().predictRows(inference.rows(), inference.explain());
        }
        catch (InvalidFeatureException ex) {
            String where = (ex.rowIndex() >= 0) ? "inputs[0].data row " + ex.rowIndex() : "inputs[0].data";
            throw InferenceException.invalidInput(where + ": " + ex.getMessage());
        }
    }

    private static OutputTensor labels(List<Prediction> predictions) {
        return new OutputTensor(InferRequestReader.LABEL_OUTPUT, "BYTES", List.of(predictions.size()), null,
                predictions.stream().map(Prediction::label).toList());
    }

    private static OutputTensor probabilities(List<Prediction> predictions, List<String> labels) {
        List<Float> data = new ArrayList<>(predictions.size() * labels.size());
        for (Prediction prediction : predictions) {
            for (double probability : prediction.probabilities()) {
                data.add((float) probability);
            }
        }
        return new OutputTensor(InferRequestReader.PROBABILITIES_OUTPUT, "FP32",
                List.of(predictions.size(), labels.size()), Map.of("label_names", String.join(",", labels)), data);
    }

}
