package ai.aimass.ml.tree;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DecisionTreeTests {

    private static final DecisionTree TREE = new DecisionTree(2, 2,
            TreeNode.split(1, 0.5, TreeNode.leaf(new double[] { 1, 0 }), TreeNode.split(0, -1,
                    TreeNode.leaf(new double[] { 0.5, 0.5 }), TreeNode.leaf(new double[] { 0.25, 0.75 }))));

    @Test
    void sendsValuesAtMostTheThresholdLeft() {
        assertThat(TREE.predict(new double[] { 0, 0.5 })).containsExactly(1, 0);
        assertThat(TREE.predict(new double[] { -1, 0.6 })).containsExactly(0.5, 0.5);
        assertThat(TREE.predict(new double[] { 0, 0.6 })).containsExactly(0.25, 0.75);
        assertThat(TREE.nodeCount()).isEqualTo(5);
    }

    @Test
    void survivesJsonRoundTrip() {
        byte[] json = TREE.toJson();
        assertThat(new String(json, StandardCharsets.UTF_8))
            .startsWith("{\"inputCount\":2,\"classCount\":2,\"root\":{\"feature\":1,\"threshold\":0.5,"
                    + "\"left\":{\"probabilities\":[1.0,0.0]}");
        DecisionTree read = DecisionTree.fromJson(json);
        read.validate(2, 2);
        assertThat(read.toJson()).isEqualTo(json);
        assertThat(read.predict(new double[] { 0, 0.6 })).containsExactly(0.25, 0.75);
    }

    @Test
    void rejectsNodesThatLeaveTheInputsOrClasses() {
        DecisionTree badFeature = new DecisionTree(2, 2,
                TreeNode.split(2, 0, TreeNode.leaf(new double[] { 1, 0 }), TreeNode.leaf(new double[] { 0, 1 })));
        assertThatIllegalArgumentException().isThrownBy(() -> badFeature.validate(2, 2))
            .withMessage("root.feature: expected an input from 0 to 1, found 2");
        DecisionTree badLeaf = new DecisionTree(2, 2,
                TreeNode.split(0, 0, TreeNode.leaf(new double[] { 1, 0 }), TreeNode.leaf(new double[] { 0.5 })));
        assertThatIllegalArgumentException().isThrownBy(() -> badLeaf.validate(2, 2))
            .withMessage("root.right.probabilities: expected 2 probabilities, found 1");
        DecisionTree missing = new DecisionTree(2, 2, new TreeNode(0, 0.0, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> missing.validate(2, 2))
            .withMessage("root.left: expected a node, found null");
        assertThatIllegalArgumentException().isThrownBy(() -> TREE.validate(3, 2))
            .withMessage("tree.inputCount: expected 3, found 2");
    }

}
