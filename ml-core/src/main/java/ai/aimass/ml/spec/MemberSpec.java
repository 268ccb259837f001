package ai.aimass.ml.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One kind of ensemble member: a multi-layer perceptron, a multinomial logistic
 * regression or a CART decision tree, optionally restricted to some feature columns and
 * with its own training settings.
 * <p>
 * Fields that belong to another type must be absent: {@code layers} is for {@code mlp}
 * only (default one layer of 32 ReLU units), {@code maxDepth} and {@code minLeafSize} for
 * {@code tree} only (defaults {@value #DEFAULT_MAX_DEPTH} and
 * {@value #DEFAULT_MIN_LEAF_SIZE}), and {@code training} for the gradient-trained types.
 * Whether {@code features} name columns of the data is checked against the dataset when
 * the job is submitted.
 *
 * @param type one of {@link #TYPES}
 * @param layers the hidden layers of an {@code mlp}, or null
 * @param maxDepth the deepest split of a {@code tree}, 1 to {@value #MAX_DEPTH}, or null
 * @param minLeafSize the fewest training rows in a leaf of a {@code tree}, or null
 * @param features the feature columns the member sees, or null for all of them
 * @param training the member's own training settings, or null for the job's
 */
public record MemberSpec(String type, List<LayerSpec> layers, Integer maxDepth, Integer minLeafSize,
        List<String> features, MemberTraining training) {

    /** A multi-layer perceptron. */
    public static final String TYPE_MLP = "mlp";

    /** Multinomial logistic regression: a network without hidden layers. */
    public static final String TYPE_LOGISTIC = "logistic";

    /** A CART classification tree. */
    public static final String TYPE_TREE = "tree";

    /** The accepted member types. */
    public static final List<String> TYPES = List.of(TYPE_MLP, TYPE_LOGISTIC, TYPE_TREE);

    /** Tree depth when none is given. */
    public static final int DEFAULT_MAX_DEPTH = 6;

    /** The deepest accepted tree. */
    public static final int MAX_DEPTH = 32;

    /** Rows per leaf when none are given. */
    public static final int DEFAULT_MIN_LEAF_SIZE = 1;

    /** The largest accepted rows per leaf. */
    public static final int MAX_MIN_LEAF_SIZE = 100_000;

    public MemberSpec {
        // Defaults only for the type that uses them, so that a field of another type
        // stays
        // visible to validation.
        if (TYPE_MLP.equals(type)) {
            layers = (layers != null) ? layers : ModelSpec.DEFAULT_LAYERS;
        }
        if (TYPE_TREE.equals(type)) {
            maxDepth = (maxDepth != null) ? maxDepth : DEFAULT_MAX_DEPTH;
            minLeafSize = (minLeafSize != null) ? minLeafSize : DEFAULT_MIN_LEAF_SIZE;
        }
        layers = (layers != null) ? SpecProblems.copyAllowingNulls(layers) : null;
        features = (features != null) ? SpecProblems.copyAllowingNulls(features) : null;
    }

    /**
     * Returns whether this member is trained by gradient descent on a network.
     * @return true for {@code mlp} and {@code logistic}
     */
    public boolean trainsNetwork() {
        return TYPE_MLP.equals(this.type) || TYPE_LOGISTIC.equals(this.type);
    }

    /**
     * Returns the network architecture of a gradient-trained member.
     * @return the hidden layers of an {@code mlp} (the default ones when absent), or no
     * hidden layers for {@code logistic}
     * @throws IllegalStateException for a tree
     */
    public ModelSpec networkModel() {
        if (!trainsNetwork()) {
            throw new IllegalStateException("type: expected mlp or logistic for a network, found " + this.type);
        }
        return new ModelSpec(TYPE_LOGISTIC.equals(this.type) ? List.of() : this.layers, null);
    }

    /**
     * Returns the tree depth, default applied.
     * @return the maximum depth
     */
    public int effectiveMaxDepth() {
        return (this.maxDepth != null) ? this.maxDepth : DEFAULT_MAX_DEPTH;
    }

    /**
     * Returns the rows per leaf, default applied.
     * @return the minimum leaf size
     */
    public int effectiveMinLeafSize() {
        return (this.minLeafSize != null) ? this.minLeafSize : DEFAULT_MIN_LEAF_SIZE;
    }

    /**
     * Returns the training settings this member runs with.
     * @param job the job's settings
     * @return the job's settings with this member's overrides
     */
    public TrainingSpec effectiveTraining(TrainingSpec job) {
        return (this.training != null) ? this.training.resolve(job) : job;
    }

    void collectProblems(String path, TrainingSpec job, List<String> problems) {
        SpecProblems.requireOneOf(problems, path + ".type", this.type, TYPES);
        if (this.layers != null && !TYPE_MLP.equals(this.type)) {
            problems.add(path + ".layers: expected no layers for a " + SpecProblems.quoted(this.type)
                    + " member (only mlp has hidden layers), found " + this.layers.size());
        }
        if (TYPE_MLP.equals(this.type)) {
            networkModel().collectProblems(path, problems);
        }
        if (!TYPE_TREE.equals(this.type)) {
            requireAbsentForNetwork(path + ".maxDepth", this.maxDepth, problems);
            requireAbsentForNetwork(path + ".minLeafSize", this.minLeafSize, problems);
        }
        else {
            SpecProblems.requireIntRange(problems, path + ".maxDepth", this.maxDepth, 1, MAX_DEPTH);
            SpecProblems.requireIntRange(problems, path + ".minLeafSize", this.minLeafSize, 1, MAX_MIN_LEAF_SIZE);
            if (this.training != null) {
                problems.add(path + ".training: expected no training settings for a tree (trees are grown, not "
                        + "trained by gradient descent), found some");
            }
        }
        if (this.training != null && trainsNetwork()) {
            this.training.collectProblems(path + ".training", job, problems);
        }
        collectFeatureProblems(path + ".features", problems);
    }

    private void requireAbsentForNetwork(String path, Integer value, List<String> problems) {
        if (value != null) {
            problems.add(path + ": expected no value for a " + SpecProblems.quoted(this.type)
                    + " member (only trees have one), found " + value);
        }
    }

    private void collectFeatureProblems(String path, List<String> problems) {
        if (this.features == null) {
            return;
        }
        if (this.features.isEmpty()) {
            problems
                .add(path + ": expected at least 1 feature column, or no list for all of them, found an empty list");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < this.features.size(); i++) {
            String feature = this.features.get(i);
            if (feature == null || feature.isEmpty()) {
                problems.add(path + "[" + i + "]: expected a column name, found " + SpecProblems.quoted(feature));
            }
            else if (!seen.add(feature)) {
                problems.add(path + "[" + i + "]: expected each column once, found \"" + feature + "\" again");
            }
        }
    }

}
