package ai.aimass.ml.preprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * Checks that the participants of a job share one schema and merges their schemas into
 * the job's schema.
 * <p>
 * Participants match when their feature columns have the same names, types and order and
 * their label columns the same name. Categories and label classes may differ: the merged
 * schema holds their unions, sorted.
 */
public final class ParticipantSchemas {

    private ParticipantSchemas() {
    }

    /**
     * Merges the participants' schemas after checking each against the first one.
     * @param profiles the participants' profiles, in participant order, at least one
     * @return the job's schema
     * @throws SchemaMismatchException when a participant's schema differs from the first
     */
    public static TabularSchema merge(List<DatasetProfile> profiles) {
        requireProfiles(profiles);
        TabularSchema first = profiles.get(0).schema();
        requireCompatible(first, profiles, "participant at index 0");
        List<ColumnSchema> features = new ArrayList<>();
        for (int column = 0; column < first.featureCount(); column++) {
            ColumnSchema reference = first.features().get(column);
            TreeSet<String> categories = new TreeSet<>();
            for (DatasetProfile profile : profiles) {
                categories.addAll(profile.schema().features().get(column).categories());
            }
            features.add(new ColumnSchema(reference.name(), reference.type(), List.copyOf(categories)));
        }
        TreeSet<String> labelClasses = new TreeSet<>();
        profiles.forEach((profile) -> labelClasses.addAll(profile.schema().labelClasses()));
        return new TabularSchema(features, first.labelColumn(), List.copyOf(labelClasses));
    }

    /**
     * Checks every participant's schema against a reference schema.
     * @param reference the job's schema
     * @param profiles the participants' profiles, in participant order
     * @throws SchemaMismatchException naming the first participant and column that differ
     */
    public static void requireCompatible(TabularSchema reference, List<DatasetProfile> profiles) {
        requireCompatible(reference, profiles, "the job schema");
    }

    private static void requireCompatible(TabularSchema reference, List<DatasetProfile> profiles,
            String referenceName) {
        requireProfiles(profiles);
        for (int index = 0; index < profiles.size(); index++) {
            TabularSchema schema = profiles.get(index).schema();
            String where = "participant at index " + index;
            if (!schema.labelColumn().equals(reference.labelColumn())) {
                throw new SchemaMismatchException(index,
                        where + ": expected the label column \"" + reference.labelColumn() + "\" as in " + referenceName
                                + ", found \"" + schema.labelColumn() + "\"");
            }
            if (schema.featureCount() != reference.featureCount()) {
                throw new SchemaMismatchException(index, where + ": expected " + reference.featureCount()
                        + " feature columns as in " + referenceName + ", found " + schema.featureCount());
            }
            for (int column = 0; column < reference.featureCount(); column++) {
                ColumnSchema expected = reference.features().get(column);
                ColumnSchema found = schema.features().get(column);
                if (!expected.name().equals(found.name()) || expected.type() != found.type()) {
                    throw new SchemaMismatchException(index, where + ", feature column " + (column + 1) + ": expected "
                            + describe(expected) + " as in " + referenceName + ", found " + describe(found));
                }
            }
        }
    }

    private static void requireProfiles(List<DatasetProfile> profiles) {
        if (profiles == null || profiles.isEmpty()) {
            throw new IllegalArgumentException("expected at least 1 participant profile, found none");
        }
    }

    private static String describe(ColumnSchema column) {
        return "\"" + column.name() + "\" (" + column.type().name().toLowerCase() + ")";
    }

}
