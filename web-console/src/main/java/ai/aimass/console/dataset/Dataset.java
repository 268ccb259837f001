package ai.aimass.console.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A dataset as platform-api answers it.
 *
 * @param id the dataset id
 * @param name the name, unique in the tenant
 * @param labelColumn the label column
 * @param rowCount the number of data rows
 * @param sha256 the SHA-256 of the uploaded file
 * @param schema the features and label classes
 * @param classCounts rows per label class
 * @param columns statistics per feature column
 * @param createdAt when it was uploaded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Dataset(UUID id, String name, String labelColumn, int rowCount, String sha256, Schema schema,
        Map<String, Long> classCounts, List<Column> columns, Instant createdAt) {

    /** The share of rows of a class, from 0 to 100. */
    public double classShare(String label) {
        long count = this.classCounts.getOrDefault(label, 0L);
        return (this.rowCount > 0) ? 100.0 * count / this.rowCount : 0;
    }

    /**
     * The input contract of a dataset.
     *
     * @param features the feature columns
     * @param labelColumn the label column
     * @param labelClasses the label classes, sorted
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schema(List<Feature> features, String labelColumn, List<String> labelClasses) {
    }

    /**
     * One feature column.
     *
     * @param name the column name
     * @param type {@code NUMERIC} or {@code CATEGORICAL}
     * @param categories the categories of a categorical column
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feature(String name, String type, List<String> categories) {
    }

    /**
     * Statistics of one feature column.
     *
     * @param name the column name
     * @param type {@code NUMERIC} or {@code CATEGORICAL}
     * @param count the number of cells
     * @param min the smallest value of a numeric column
     * @param max the largest value of a numeric column
     * @param mean the mean of a numeric column
     * @param standardDeviation the standard deviation of a numeric column
     * @param categoryCounts rows per category of a categorical column
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type, long count, Double min, Double max, Double mean,
            Double standardDeviation, Map<String, Long> categoryCounts) {

        /** Whether the column holds numbers. */
        public boolean numeric() {
            return "NUMERIC".equals(this.type);
        }

    }

}
