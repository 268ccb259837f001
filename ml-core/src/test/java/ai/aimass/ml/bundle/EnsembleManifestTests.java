package ai.aimass.ml.bundle;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ai.aimass.ml.ensemble.EnsembleCombiner;
import ai.aimass.ml.preprocess.FeatureEncoding;
import ai.aimass.ml.preprocess.FeaturePreprocessor;
import ai.aimass.ml.spec.ModelSpec;
import ai.aimass.ml.tabular.ColumnSchema;
import ai.aimass.ml.tabular.ColumnType;
import ai.aimass.ml.tabular.TabularSchema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EnsembleManifestTests {

    @Test
    void survivesJsonRoundTripWithoutAModel() {
        BundleManifest manifest = ensembleManifest();
        String json = new String(manifest.toJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"labels\":[\"a\",\"b\"],\"weightsSha256\"");
        assertThat(json)
            .contains("\"ensemble\":{\"method\":\"voting\",\"members\":[{\"index\":0,\"type\":\"logistic\"");
        assertThat(json).contains(
                "\"combiner\":{\"kind\":\"voting\",\"voting\":\"soft\",\"weights\":[1.5,0.5]," + "\"bias\":[0.0,0.1]}");
        BundleManifest read = BundleManifest.fromJson(manifest.toJson());
        assertThat(read.ensemble().members()).isEqualTo(manifest.ensemble().members());
        assertThat(read.ensemble().combiner().weights()).containsExactly(1.5, 0.5);
        assertThat(read.toJson()).isEqualTo(manifest.toJson());
    }

    @Test
    void leavesNetworkManifestsWithoutEnsemble() {
        BundleManifest network = new BundleManifest(1, "n", schema(), preprocessor(), List.of("a", "b"),
                new ModelSpec(List.of(), null), "ab".repeat(32), Map.of(), Map.of());
        assertThat(new String(network.toJson(), StandardCharsets.UTF_8)).doesNotContain("ensemble");
        assertThat(BundleManifest.fromJson(network.toJson()).ensemble()).isNull();
    }

    @Test
    void requiresEitherAModelOrAnEnsemble() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new BundleManifest(1, "n", schema(), preprocessor(), List.of("a", "b"), null,
                    "ab".repeat(32), Map.of(), Map.of(), null))
            .withMessage("manifest: expected either a model or an ensemble, found neither");
        assertThatIllegalStateException().isThrownBy(() -> ensembleManifest().parameterCount())
            .withMessage("manifest: an ensemble has no single weight vector; see its members");
    }

    private static BundleManifest ensembleManifest() {
        List<EnsembleMemberManifest> members = List.of(
                new EnsembleMemberManifest(0, "logistic", null, 11, List.of(0), new ModelSpec(List.of(), null),
                        "members/000.f32", "cd".repeat(32), 1.5),
                new EnsembleMemberManifest(1, "tree", null, 12, List.of(0), null, "members/001.tree.json",
                        "ef".repeat(32), 0.5));
        EnsembleManifest ensemble = new EnsembleManifest("voting", members,
                EnsembleCombiner.voting("soft", new double[] { 1.5, 0.5 }, new double[] { 0, 0.1 }));
        return new BundleManifest(1, "ens", schema(), preprocessor(), List.of("a", "b"), null, "ab".repeat(32),
                Map.of("validationAccuracy", 0.9), Map.of(), ensemble);
    }

    private static TabularSchema schema() {
        return new TabularSchema(List.of(ColumnSchema.numeric("x")), "y", List.of("a", "b"));
    }

    private static FeaturePreprocessor preprocessor() {
        return new FeaturePreprocessor(List.of(new FeatureEncoding("x", ColumnType.NUMERIC, 0, 1, List.of())));
    }

}
