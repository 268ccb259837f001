package ai.aimass.console.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.aimass.console.model.ModelVersion.Fact;

/**
 * One row of the comparison of two versions: what two versions say under one label, and
 * whether they differ.
 * <p>
 * Rows are joined by label, not by position: two versions need not have the same metrics
 * (a federated job and an ensemble, or versions from before and after a metric was
 * added), and a value must never stand beside another metric's label.
 *
 * @param label what it is
 * @param left the first version's value, or null when it has none
 * @param right the second version's value, or null when it has none
 */
public record ComparedFact(String label, String left, String right) {

    /** The text shown for a value a version does not have. */
    public static final String MISSING = "–";

    /** Whether the two versions differ here, one lacking it included. */
    public boolean differs() {
        return !Objects.equals(this.left, this.right);
    }

    /** The first version's value as shown. */
    public String leftText() {
        return (this.left != null) ? this.left : MISSING;
    }

    /** The second version's value as shown. */
    public String rightText() {
        return (this.right != null) ? this.right : MISSING;
    }

    /**
     * Joins two versions' facts by label: the first version's order, then the labels only
     * the second has. A label repeated within one list keeps its first value.
     * @param left the first version's facts
     * @param right the second version's facts
     * @return the rows
     */
    public static List<ComparedFact> join(List<Fact> left, List<Fact> right) {
        Map<String, String> lefts = byLabel(left);
        Map<String, String> rights = byLabel(right);
        List<String> labels = new ArrayList<>(lefts.keySet());
        rights.keySet().stream().filter((label) -> !lefts.containsKey(label)).forEach(labels::add);
        return labels.stream().map((label) -> new ComparedFact(label, lefts.get(label), rights.get(label))).toList();
    }

    private static Map<String, String> byLabel(List<Fact> facts) {
        Map<String, String> values = new LinkedHashMap<>();
        facts.forEach((fact) -> values.putIfAbsent(fact.label(), fact.value()));
        return values;
    }

}
