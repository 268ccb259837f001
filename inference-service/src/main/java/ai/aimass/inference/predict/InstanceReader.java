package ai.aimass.inference.predict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import ai.aimass.inference.InferenceException;
import ai.aimass.inference.web.JsonValues;
import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.ColumnType;
import ai.aimass.ml.tabular.TabularSchema;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code instances} of a named-feature request into rows of values in schema
 * order: a {@link Double} for a numeric feature, a {@link String} for a categorical one.
 * <p>
 * Every instance must name exactly the model's features; messages name the instance and
 * the features that are missing, unknown or of the wrong type.
 */
final class InstanceReader {

    private InstanceReader() {
    }

    static List<List<Object>> read(JsonNode instances, TabularSchema schema) {
        if (instances == null || !instances.isArray()) {
            throw InferenceException.invalidInput("instances: expected an array of objects of feature values, found "
                    + JsonValues.describe(instances));
        }
        if (instances.isEmpty()) {
            throw InferenceException.invalidInput("instances: expected at least one instance, found an empty array");
        }
        List<List<Object>> rows = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            rows.add(readInstance("instances[" + i + "]", instances.get(i), schema));
        }
        return rows;
    }

    private static List<Object> readInstance(String where, JsonNode instance, TabularSchema schema) {
        if (!instance.isObject()) {
            throw InferenceException
                .invalidInput(where + ": expected an object of feature values, found " + JsonValues.describe(instance));
        }
        requireExactFeatures(where, instance, schema);
        List<Object> values = new ArrayList<>(schema.featureCount());
        for (ColumnSchema column : schema.features()) {
            values.add(readValue(where + "." + column.name(), instance.get(column.name()), column));
        }
        return values;
    }

    private static void requireExactFeatures(String where, JsonNode instance, TabularSchema schema) {
        Set<String> expected = new LinkedHashSet<>(schema.featureNames());
        Set<String> found = new LinkedHashSet<>(instance.propertyNames());
        List<String> missing = expected.stream().filter((name) -> !found.contains(name)).toList();
        List<String> unknown = found.stream().filter((name) -> !expected.contains(name)).toList();
        if (missing.isEmpty() && unknown.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("missing " + plural(missing.size(), "feature") + " " + quoted(missing));
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown " + plural(unknown.size(), "feature") + " " + quoted(unknown));
        }
        throw InferenceException.invalidInput(where + ": " + String.join("; ", problems) + " (expected exactly the "
                + schema.featureCount() + " features of the model)");
    }

    private static Object readValue(String where, JsonNode value, ColumnSchema column) {
        if (column.type() == ColumnType.NUMERIC) {
            if (!JsonValues.isFiniteNumber(value)) {
                throw InferenceException
                    .invalidInput(where + ": expected a number, found " + JsonValues.describe(value));
            }
            return value.doubleValue();
        }
        if (!value.isString()) {
            throw InferenceException.invalidInput(where + ": expected a string, one of the categories "
                    + String.join(", ", column.categories()) + ", found " + JsonValues.describe(value));
        }
        return value.stringValue();
    }

    private static String plural(int count, String noun) {
        return (count == 1) ? noun : count + " " + noun + "s";
    }

    private static String quoted(List<String> names) {
        return names.stream().map((name) -> "\"" + name + "\"").collect(Collectors.joining(", "));
    }

}
