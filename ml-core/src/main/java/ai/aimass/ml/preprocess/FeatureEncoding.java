package ai.aimass.ml.preprocess;

import java.util.List;
import java.util.Objects;

import ai.aimass.ml.tabular.ColumnType;

/**
 * How one feature becomes model inputs: a numeric feature one standardised input
 * {@code (x - mean) / scale}, a categorical feature one input per category (one-hot).
 *
 * @param name the feature name
 * @param type the feature type
 * @param mean the pooled mean of a numeric feature; 0 for a categorical one
 * @param scale the pooled population standard deviation of a numeric feature, or 1 where
 * that deviation is 0; 1 for a categorical feature
 * @param categories the categories of a categorical feature, sorted; empty for a numeric
 * one
 */
public record FeatureEncoding(String name, ColumnType type, double mean, double scale, List<String> categories) {

    public FeatureEncoding {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        categories = (categories != null) ? List.copyOf(categories.stream().sorted().toList()) : List.of();
        if (!Double.isFinite(mean) || !Double.isFinite(scale) || scale <= 0) {
            throw new IllegalArgumentException(
                    "feature \"" + name + "\": expected a finite mean and a positive finite scale, found mean " + mean
                            + " and scale " + scale);
        }
    }

    /**
     * Returns the number of model inputs this feature takes.
     * @return 1 for a numeric feature, the number of categories for a categorical one
     */
    public int width() {
        return (this.type == ColumnType.NUMERIC) ? 1 : this.categories.size();
    }

}
