package ai.aimass.ml.spec;

import java.util.ArrayList;
import java.util.List;

import ai.aimass.ml.json.MlJson;

/**
 * A training job as submitted: its kind and the shared and kind-specific blocks.
 * <p>
 * The API reads a spec with {@link #fromJson(String)}, which fails with an
 * {@link InvalidSpecException} when the JSON does not map (a wrong type, an unknown
 * field), and then calls {@link #validate()}, which lists every rule the values break.
 * Absent blocks and fields take their defaults in the records' constructors, so
 * {@link #toJson()} of a read spec writes the complete settings the worker will run,
 * fields in declaration order. Only the kind {@code federated} is accepted so far.
 *
 * @param kind the job kind, {@code federated}
 * @param model the network architecture
 * @param training the local training settings
 * @param federation the federated settings
 * @param publish where the model is published
 */
public record JobSpec(String kind, ModelSpec model, TrainingSpec training, FederationSpec federation,
        PublishSpec publish) {

    /** The kind of a federated job. */
    public static final String KIND_FEDERATED = "federated";

    /** The accepted kinds. */
    public static final List<String> KINDS = List.of(KIND_FEDERATED);

    public JobSpec {
        model = (model != null) ? model : ModelSpec.defaults();
        training = (training != null) ? training : TrainingSpec.defaults();
        federation = (federation != null) ? federation : FederationSpec.defaults();
        publish = (publish != null) ? publish : new PublishSpec(null, null);
    }

    /**
     * Reads a spec from JSON.
     * @param json the JSON text
     * @return the spec, defaults applied but not yet validated
     * @throws InvalidSpecException when the JSON is malformed or does not map to a spec,
     * with a message naming the field
     */
    public static JobSpec fromJson(String json) {
        return SpecJson.read(json, JobSpec.class);
    }

    /**
     * Writes the spec as JSON, fields in declaration order.
     * @return the JSON text
     */
    public String toJson() {
        return MlJson.mapper().writeValueAsString(this);
    }

    /**
     * Lists every problem with the spec.
     * @return one message per problem, each starting with the field's JSON path; empty
     * when the spec is valid
     */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        SpecProblems.requireOneOf(problems, "kind", this.kind, KINDS);
        this.model.collectProblems("model", problems);
        this.training.collectProblems("training", problems);
        this.federation.collectProblems("federation", problems);
        this.publish.collectProblems("publish", problems);
        return problems;
    }

    /**
     * Checks the spec.
     * @return this spec
     * @throws InvalidSpecException listing every problem when {@link #validate()} finds
     * any
     */
    public JobSpec requireValid() {
        List<String> problems = validate();
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return this;
    }

}
