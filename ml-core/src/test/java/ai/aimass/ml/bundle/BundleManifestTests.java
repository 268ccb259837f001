package ai.aimass.ml.bundle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ai.aimass.ml.preprocess.FeatureEncoding;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.LayerSpec;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.ColumnType;
import ai.aimass.ml.tabular.TabularSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BundleManifestTests {

    @Test
    void survivesJsonRoundTrip() {
        BundleManifest manifest = manifest(BundleManifest.FORMAT_VERSION);
        BundleManifest read = BundleManifest.fromJson(manifest.toJson());
        assertThat(read).isEqualTo(manifest);
        assertThat(read.metrics()).containsEntry("accuracy", 0.95);
        assertThat(read.provenance()).containsEntry("seed", 42);
    }

    @Test
    void writesSameBytesForSameManifest() {
        String json = new String(manifest(1).toJson(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"formatVersion\":1,\"modelName\":\"breast-cancer\",\"schema\":{");
        assertThat(json).contains("\"provenance\":{\"code\":\"0.1.0\",\"seed\":42}");
        assertThat(manifest(1).toJson()).isEqualTo(manifest(1).toJson());
    }

    @Test
    void derivesParameterCountFromArchitecture() {
        // (3 + 1) * 4 hidden, (4 + 1) * 2 output; the categorical feature takes 2 inputs
        assertThat(manifest(1).inputWidth()).isEqualTo(3);
        assertThat(manifest(1).parameterCount()).isEqualTo(16 + 10);
    }

    @Test
    void rejectsAnotherFormatVersion() {
        assertThatIllegalArgumentException().isThrownBy(() -> BundleManifest.fromJson(manifest(2).toJson()))
            .withMessage("manifest.formatVersion: expected 1, found 2");
    }

    private static BundleManifest manifest(int formatVersion) {
        TabularSchema schema = new TabularSchema(
                List.of(ColumnSchema.numeric("radius"), ColumnSchema.categorical("city", List.of("b", "a"))),
                "diagnosis", List.of("malignant", "benign"));
        FeaturePreprocessor preprocessor = new FeaturePreprocessor(
                List.of(new FeatureEncoding("radius", ColumnType.NUMERIC, 14.1, 3.5, List.of()),
                        new FeatureEncoding("city", ColumnType.CATEGORICAL, 0, 1, List.of("a", "b"))));
        return new BundleManifest(formatVersion, "breast-cancer", schema, preprocessor, List.of("benign", "malignant"),
                new ModelSpec(List.of(new LayerSpec(4, "relu")), null), "ab".repeat(32), Map.of("accuracy", 0.95),
                Map.of("seed", 42, "code", "0.1.0"));
    }

}
