package ai.aimass.dl4j.ensemble;

import java.util.Map;

import ai.aimass.ml.tree.DecisionTree;
import ai.aimass.ml.tree.TreeNode;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Grows CART classification trees (Breiman, Friedman, Olshen and Stone 1984) with
 * Tribuo's {@link CARTClassificationTrainer} (Gini impurity, every feature considered at
 * every split, no random split points) and converts them to the platform's neutral
 * {@link DecisionTree}, so that serving needs no Tribuo.
 * <p>
 * Rows may carry example weights (AdaBoost's); they are scaled to a mean of 1 so that
 * Tribuo's minimum child weight still counts rows. Tribuo sends a row to the greater-than
 * branch when its value exceeds the split value, which is the neutral tree's
 * {@code right}. Each call builds its own trainer, so calls may run in parallel.
 */
final class CartTreeTrainer {

    private static final LabelFactory LABELS = new LabelFactory();

    private CartTreeTrainer() {
    }

    /**
     * Grows a tree.
     * @param inputs the rows of the member's inputs, at least one
     * @param labels the class of each row
     * @param exampleWeights the weight of each row, or null for equal weights
     * @param classCount the number of classes
     * @param maxDepth the deepest split
     * @param minLeafSize the fewest (weighted) rows in a leaf
     * @param seed the trainer's seed
     * @return the tree
     */
    static DecisionTree grow(double[][] inputs, int[] labels, double[] exampleWeights, int classCount, int maxDepth,
            int minLeafSize, long seed) {
        int width = inputs[0].length;
        String[] names = featureNames(width);
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("ensemble member", LABELS),
                LABELS);
        double scale = (exampleWeights != null) ? inputs.length / sum(exampleWeights) : 1;
        for (int row = 0; row < inputs.length; row++) {
            ArrayExample<Label> example = new ArrayExample<>(new Label(Integer.toString(labels[row])), names,
                    inputs[row]);
            if (exampleWeights != null) {
                example.setWeight((float) (exampleWeights[row] * scale));
            }
            dataset.add(example);
        }
        CARTClassificationTrainer trainer = new CARTClassificationTrainer(maxDepth, minLeafSize, 0.0f, 1.0f, false,
                new GiniIndex(), seed);
        TreeModel<Label> model = trainer.train(dataset);
        return new DecisionTree(width, classCount, convert(model, model.getRoot(), classCount));
    }

    private static TreeNode convert(TreeModel<Label> model, Node<Label> node, int classCount) {
        if (node instanceof SplitNode<Label> split) {
            int feature = Integer.parseInt(model.getFeatureIDMap().get(split.getFeatureID()).getName().substring(1));
            return TreeNode.split(feature, split.splitValue(), convert(model, split.getLessThanOrEqual(), classCount),
                    convert(model, split.getGreaterThan(), classCount));
        }
        LeafNode<Label> leaf = (LeafNode<Label>) node;
        double[] probabilities = new double[classCount];
        double total = 0;
        for (Map.Entry<String, Label> entry : leaf.getDistribution().entrySet()) {
            // Tribuo sums float weights, which can leave a class a hair below 0.
            double score = Math.max(0, entry.getValue().getScore());
            probabilities[Integer.parseInt(entry.getKey())] = score;
            total += score;
        }
        if (total > 0) {
            for (int c = 0; c < classCount; c++) {
                probabilities[c] /= total;
            }
        }
        else {
            probabilities[Integer.parseInt(leaf.getOutput().getLabel())] = 1;
        }
        return TreeNode.leaf(probabilities);
    }

    /** Zero-padded, so that Tribuo's sorted feature ids follow the input order. */
    private static String[] featureNames(int width) {
        String[] names = new String[width];
        for (int i = 0; i < width; i++) {
            names[i] = String.format("f%06d", i);
        }
        return names;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

}
