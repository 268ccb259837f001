package ai.aimass.ml.tree;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One node of a classification tree as it is stored: either a split, which sends a row to
 * {@code left} when its input {@code feature} is at most {@code threshold} and to
 * {@code right} otherwise, or a leaf, which holds the class probabilities.
 * <p>
 * A split has {@code feature}, {@code threshold}, {@code left} and {@code right} and no
 * probabilities; a leaf has only {@code probabilities}. {@link DecisionTree#validate}
 * checks that every node is one or the other.
 *
 * @param feature the index of the input a split tests, among the member's inputs, or null
 * @param threshold the split value, or null for a leaf
 * @param left the subtree for inputs at most the threshold, or null for a leaf
 * @param right the subtree for inputs above the threshold, or null for a leaf
 * @param probabilities the probability of each class at a leaf, or null for a split
 */
public record TreeNode(Integer feature, Double threshold, TreeNode left, TreeNode right, double[] probabilities) {

    /**
     * Creates a split.
     * @param feature the tested input
     * @param threshold the split value
     * @param left the subtree for inputs at most the threshold
     * @param right the subtree for inputs above it
     * @return the node
     */
    public static TreeNode split(int feature, double threshold, TreeNode left, TreeNode right) {
        return new TreeNode(feature, threshold, left, right, null);
    }

    /**
     * Creates a leaf.
     * @param probabilities the probability of each class
     * @return the node
     */
    public static TreeNode leaf(double[] probabilities) {
        return new TreeNode(null, null, null, null, probabilities);
    }

    /**
     * Returns whether this node is a leaf.
     * @return true when it holds probabilities
     */
    @JsonIgnore
    public boolean isLeaf() {
        return this.probabilities != null;
    }

}
