package ai.aimass.api.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.aimass.data.dataset.DatasetEntity;
import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.ColumnStatistics;
import ai.aimass.ml.tabular.ColumnType;
import ai.aimass.ml.tabular.DatasetProfile;
import ai.aimass.ml.tabular.TabularSchema;

/**
 * A dataset as the API shows it: what was inferred and counted when it was uploaded.
 *
 * @param id the dataset id, which jobs name
 * @param name the name, unique in the tenant
 * @param labelColumn the label column
 * @param rowCount the number of data rows
 * @param sha256 the SHA-256 of the uploaded file, lower-case hex
 * @param schema the feature columns with their types, and the label classes
 * @param classCounts rows per label class
 * @param columns statistics of each feature column, in schema order
 * @param createdBy the user who uploaded it
 * @param createdAt when it was uploaded
 */
public record DatasetView(UUID id, String name, String labelColumn, int rowCount, String sha256, SchemaView schema,
        Map<String, Long> classCounts, List<ColumnView> columns, UUID createdBy, Instant createdAt) {

    static DatasetView of(DatasetEntity dataset) {
        DatasetProfile profile = DatasetProfiles.read(dataset);
        return new DatasetView(dataset.getId(), dataset.getName(), dataset.getLabelColumn(), dataset.getRowCount(),
                dataset.getArtifactSha256(), SchemaView.of(profile.schema()), profile.classCounts(),
                profile.columns().stream().map(ColumnView::of).toList(), dataset.getCreatedBy(),
                dataset.getCreatedAt());
    }

    /**
     * The input contract of a dataset.
     *
     * @param features the feature columns in file order, label excluded
     * @param labelColumn the label column
     * @param labelClasses the label classes, sorted
     */
    public record SchemaView(List<FeatureView> features, String labelColumn, List<String> labelClasses) {

        static SchemaView of(TabularSchema schema) {
            return new SchemaView(schema.features().stream().map(FeatureView::of).toList(), schema.labelColumn(),
                    schema.labelClasses());
        }

    }

    /**
     * One feature column.
     *
     * @param name the column name
     * @param type {@code NUMERIC} or {@code CATEGORICAL}
     * @param categories the sorted categories of a categorical column; empty otherwise
     */
    public record FeatureView(String name, ColumnType type, List<String> categories) {

        static FeatureView of(ColumnSchema column) {
            return new FeatureView(column.name(), column.type(), column.categories());
        }

    }

    /**
     * Statistics of one feature column.
     *
     * @param name the column name
     * @param type {@code NUMERIC} or {@code CATEGORICAL}
     * @param count the number of cells
     * @param min the smallest value of a numeric column, else null
     * @param max the largest value of a numeric column, else null
     * @param mean the mean of a numeric column, else null
     * @param standardDeviation the population standard deviation of a numeric column,
     * else null
     * @param categoryCounts rows per category of a categorical column; empty otherwise
     */
    public record ColumnView(String name, ColumnType type, long count, Double min, Double max, Double mean,
            Double standardDeviation, Map<String, Long> categoryCounts) {

        static ColumnView of(ColumnStatistics column) {
            if (column.type() != ColumnType.NUMERIC) {
                return new ColumnView(column.name(), column.type(), column.count(), null, null, null, null,
                        column.categoryCounts());
            }
            return new ColumnView(column.name(), column.type(), column.count(), column.min(), column.max(),
                    column.mean(), column.standardDeviation(), Map.of());
        }

    }

}
