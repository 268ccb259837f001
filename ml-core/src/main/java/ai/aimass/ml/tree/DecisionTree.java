package ai.aimass.ml.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import ai.aimass.ml.json.MlJson;
import tools.jackson.core.JacksonException;

/**
 * A trained classification tree in the platform's framework-neutral form: nested JSON
 * nodes (see {@link TreeNode}) over a member's inputs, whatever library grew it.
 * <p>
 * Prediction walks from the root to a leaf and answers the leaf's class probabilities. A
 * tree read from storage must pass {@link #validate(int, int)} before it predicts, so
 * that no walk can leave the inputs or the classes.
 *
 * @param inputCount the number of inputs the tree reads
 * @param classCount the number of classes of its leaves
 * @param root the root node
 */
public record DecisionTree(int inputCount, int classCount, TreeNode root) {

    /** The deepest tree accepted on read, beyond any depth a member spec allows. */
    public static final int MAX_STORED_DEPTH = 64;

    /** How far a leaf's probabilities may sum away from 1. */
    private static final double SUM_TOLERANCE = 1e-6;

    /**
     * Returns the class probabilities for one row of the tree's inputs.
     * @param inputs the inputs, {@link #inputCount()} long
     * @return the probabilities of the leaf the row reaches (not a copy)
     */
    public double[] predict(double[] inputs) {
        TreeNode node = this.root;
        while (!node.isLeaf()) {
            node = (inputs[node.feature()] <= node.threshold()) ? node.left() : node.right();
        }
        return node.probabilities();
    }

    /**
     * Returns the number of nodes, splits and leaves.
     * @return the node count
     */
    public int nodeCount() {
        int count = 0;
        Deque<TreeNode> pending = new ArrayDeque<>();
        pending.push(this.root);
        while (!pending.isEmpty()) {
            TreeNode node = pending.pop();
            count++;
            if (!node.isLeaf()) {
                pending.push(node.right());
                pending.push(node.left());
            }
        }
        return count;
    }

    /**
     * Checks that the tree fits the given widths and that every node is well formed.
     * @param expectedInputs the number of inputs the member has
     * @param expectedClasses the number of classes
     * @throws IllegalArgumentException naming the first bad node by its path from the
     * root ({@code root.left.right}, for example)
     */
    public void validate(int expectedInputs, int expectedClasses) {
        if (this.inputCount != expectedInputs) {
            throw new IllegalArgumentException(
                    "tree.inputCount: expected " + expectedInputs + ", found " + this.inputCount);
        }
        if (this.classCount != expectedClasses) {
            throw new IllegalArgumentException(
                    "tree.classCount: expected " + expectedClasses + ", found " + this.classCount);
        }
        if (this.root == null) {
            throw new IllegalArgumentException("tree.root: expected a node, found none");
        }
        Deque<PathNode> pending = new ArrayDeque<>();
        pending.push(new PathNode("root", this.root, 0));
        while (!pending.isEmpty()) {
            PathNode current = pending.pop();
            if (current.depth() > MAX_STORED_DEPTH) {
                throw new IllegalArgumentException(
                        current.path() + ": expected a tree at most " + MAX_STORED_DEPTH + " deep, found a deeper one");
            }
            validateNode(current.path(), current.node());
            if (!current.node().isLeaf()) {
                pending.push(new PathNode(current.path() + ".right", current.node().right(), current.depth() + 1));
                pending.push(new PathNode(current.path() + ".left", current.node().left(), current.depth() + 1));
            }
        }
    }

    private void validateNode(String path, TreeNode node) {
        if (node == null) {
            throw new IllegalArgumentException(path + ": expected a node, found null");
        }
        if (node.isLeaf()) {
            if (node.feature() != null || node.threshold() != null || node.left() != null || node.right() != null) {
                throw new IllegalArgumentException(
                        path + ": expected a leaf with probabilities only, found split " + "fields as well");
            }
            validateProbabilities(path, node.probabilities());
            return;
        }
        if (node.feature() == null || node.feature() < 0 || node.feature() >= this.inputCount) {
            throw new IllegalArgumentException(path + ".feature: expected an input from 0 to " + (this.inputCount - 1)
                    + ", found " + node.feature());
        }
        if (node.threshold() == null || !Double.isFinite(node.threshold())) {
            throw new IllegalArgumentException(
                    path + ".threshold: expected a finite number, found " + node.threshold());
        }
    }

    private void validateProbabilities(String path, double[] probabilities) {
        if (probabilities.length != this.classCount) {
            throw new IllegalArgumentException(path + ".probabilities: expected " + this.classCount
                    + " probabilities, found " + probabilities.length);
        }
        double sum = 0;
        for (double probability : probabilities) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException(
                        path + ".probabilities: expected numbers from 0 to 1, found " + probability);
            }
            sum += probability;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException(path + ".probabilities: expected a sum of 1, found " + sum);
        }
    }

    /**
     * Writes the tree as UTF-8 JSON; the same tree always gives the same bytes.
     * @return the JSON bytes
     */
    public byte[] toJson() {
        return MlJson.mapper().writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a tree from JSON, without validating it.
     * @param json the UTF-8 JSON bytes
     * @return the tree
     * @throws IllegalArgumentException when the JSON does not map to a tree
     */
    public static DecisionTree fromJson(byte[] json) {
        DecisionTree tree;
        try {
            tree = MlJson.mapper().readValue(json, DecisionTree.class);
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("tree: expected a decision tree in JSON, found a document that does not "
                    + "map at " + ex.getPathReference(), ex);
        }
        if (tree == null) {
            throw new IllegalArgumentException("tree: expected a JSON object, found null");
        }
        return tree;
    }

    private record PathNode(String path, TreeNode node, int depth) {

    }

}
