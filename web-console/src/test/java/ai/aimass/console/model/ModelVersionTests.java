package ai.aimass.console.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.aimass.console.model.ModelVersion.Fact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelVersionTests {

    @Test
    void namesHowTheValidationAccuracyWasMeasuredRightAfterIt() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("weightsFitted", true);
        metrics.put("validationEstimate", "crossFitted");
        metrics.put("validationAccuracy", 0.9561);
        metrics.put("participantValidationAccuracy", Map.of("hospital-a", 0.5));
        List<Fact> facts = version(metrics).metricFacts();
        assertThat(facts).extracting(Fact::label)
            .containsExactly("Validation accuracy", "Validation accuracy measured", "Accuracy at: hospital-a",
                    "weightsFitted");
        assertThat(facts).extracting(Fact::value)
            .containsExactly("95.6 %", "cross-fitted: each row scored by a combiner refitted without it", "50.0 %",
                    "true");
    }

    @Test
    void saysWhenNoValidationAccuracyCouldBeMeasured() {
        List<Fact> facts = version(Map.of("validationEstimate", "unavailable", "validationRows", 1)).metricFacts();
        assertThat(facts).containsExactly(
                new Fact("Validation accuracy measured",
                        "not at all: too few validation rows to refit the combiner on"),
                new Fact("validationRows", "1"));
    }

    @Test
    void showsAListOfNumbersAsItsMetricReadsNotAsJava() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("memberValidationAccuracy", java.util.Arrays.asList(0.8333333333333334, null, 0.95));
        metrics.put("votingWeights", List.of(1.0, 0.25));
        metrics.put("stagesKept", List.of(3, 4));
        assertThat(version(metrics).metricFacts()).containsExactly(
                new Fact("memberValidationAccuracy", "83.3 %, –, 95.0 %"), new Fact("stagesKept", "3, 4"),
                new Fact("votingWeights", "1.0000, 0.2500"));
    }

    private static ModelVersion version(Map<String, Object> metrics) {
        return new ModelVersion(null, 1, null, metrics, null, null, null, null, null);
    }

}
