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
 * fields in declaration order.
 * <p>
 * A {@code federated} job trains one network by federated averaging and has the
 * {@code model} and {@code federation} blocks; an {@code ensemble} job has the
 * {@code ensemble} block instead, and each block of the other kind must be absent. The
 * blocks that a kind does not use stay null, so that they are not written either.
 *
 * @param kind the job kind, one of {@link #KINDS}
 * @param model the network architecture of a federated job, or null
 * @param training the local training settings
 * @param federation the federated settings of a federated job, or null
 * @param publish where the model is published
 * @param ensemble the ensemble settings of an ensemble job, or null
 * @param resources what the job needs of its worker
 */
public record JobSpec(String kind, ModelSpec model, TrainingSpec training, FederationSpec federation,
        PublishSpec publish, EnsembleSpec ensemble, ResourcesSpec resources) {

    /** The kind of a federated job. */
    public static final String KIND_FEDERATED = "federated";

    /** The kind of an ensemble job. */
    public static final String KIND_ENSEMBLE = "ensemble";

    /** The accepted kinds. */
    public static final List<String> KINDS = List.of(KIND_FEDERATED, KIND_ENSEMBLE);

    public JobSpec {
        if (!KIND_ENSEMBLE.equals(kind)) {
            model = (model != null) ? model : ModelSpec.defaults();
            federation = (federation != null) ? federation : FederationSpec.defaults();
        }
        else if (ensemble == null) {
            ensemble = new EnsembleSpec(null, null, null, null, null, null, null, null, null, null);
        }
        training = (training != null) ? training : TrainingSpec.defaults();
        publish = (publish != null) ? publish : new PublishSpec(null, null);
        resources = (resources != null) ? resources : ResourcesSpec.defaults();
    }

    /**
     * Returns whether this is an ensemble job.
     * @return true for the kind {@code ensemble}
     */
    public boolean ofEnsembleKind() {
        return KIND_ENSEMBLE.equals(this.kind);
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
        return validate(EnsembleSpec.DEFAULT_MAX_MEMBERS);
    }

    /**
     * Lists every problem with the spec, with a platform's own limit on ensemble members.
     * @param maxEnsembleMembers the largest K accepted
     * @return one message per problem, each starting with the field's JSON path; empty
     * when the spec is valid
     */
    public List<String> validate(int maxEnsembleMembers) {
        List<String> problems = new ArrayList<>();
        SpecProblems.requireOneOf(problems, "kind", this.kind, KINDS);
        if (ofEnsembleKind()) {
            requireAbsent("model", this.model, problems);
            requireAbsent("federation", this.federation, problems);
            this.training.collectProblems("training", problems);
            this.ensemble.collectProblems("ensemble", this.training, maxEnsembleMembers, problems);
        }
        else {
            this.model.collectProblems("model", problems);
            this.training.collectProblems("training", problems);
            this.federation.collectProblems("federation", problems);
            if (this.ensemble != null) {
                problems.add("ensemble: expected no ensemble block for a " + SpecProblems.quoted(this.kind)
                        + " job, found one");
            }
        }
        this.publish.collectProblems("publish", problems);
        this.resources.collectProblems("resources", problems);
        return problems;
    }

    /**
     * Returns the number of progress steps the job reports: rounds of a federated job,
     * members of an ensemble.
     * @return the total the job counts up to
     */
    public int totalSteps() {
        return ofEnsembleKind() ? this.ensemble.memberCount() : this.federation.rounds();
    }

    private void requireAbsent(String path, Object block, List<String> problems) {
        if (block != null) {
            problems.add(path + ": expected no " + path + " block for an ensemble job (members are described under "
                    + "ensemble.members), found one");
        }
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
