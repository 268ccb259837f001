package ai.aimass.ml.preprocess;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import ai.aimass.ml.tabular.DatasetProfile;

/**
 * The job's fixed list of label classes and the mapping between a class and its index,
 * the index being the position of the class in the model's output.
 *
 * @param classes the classes, sorted and distinct, at least two
 */
public record LabelClasses(List<String> classes) {

    public LabelClasses {
        Objects.requireNonNull(classes, "classes");
        classes = List.copyOf(new TreeSet<>(classes));
        if (classes.size() < 2) {
            throw new IllegalArgumentException("expected at least 2 label classes, found " + classes.size()
                    + (classes.isEmpty() ? "" : " (\"" + classes.get(0) + "\")"));
        }
    }

    /**
     * Returns the union of the participants' label classes, sorted.
     * @param profiles the participants' profiles, at least one
     * @return the classes
     * @throws IllegalArgumentException when the union has fewer than two classes
     */
    public static LabelClasses union(List<DatasetProfile> profiles) {
        if (profiles == null || profiles.isEmpty()) {
            throw new IllegalArgumentException("expected at least 1 participant profile, found none");
        }
        TreeSet<String> classes = new TreeSet<>();
        profiles.forEach((profile) -> classes.addAll(profile.schema().labelClasses()));
        return new LabelClasses(List.copyOf(classes));
    }

    /**
     * Returns the number of classes.
     * @return the count
     */
    public int count() {
        return this.classes.size();
    }

    /**
     * Returns the index of a class.
     * @param label the class
     * @return its index, or -1 when it is not a class of the job
     */
    public int indexOf(String label) {
        return this.classes.indexOf(label);
    }

    /**
     * Returns the indexes of a list of labels.
     * @param labels the labels
     * @return their indexes
     * @throws IllegalArgumentException when a label is not a class of the job
     */
    public int[] indexesOf(List<String> labels) {
        int[] indexes = new int[labels.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = indexOf(labels.get(i));
            if (indexes[i] < 0) {
                throw new IllegalArgumentException("label " + i + ": expected one of " + String.join(", ", this.classes)
                        + ", found \"" + labels.get(i) + "\"");
            }
        }
        return indexes;
    }

    /**
     * Returns the class at an index.
     * @param index the index
     * @return the class
     */
    public String label(int index) {
        return this.classes.get(index);
    }

}
