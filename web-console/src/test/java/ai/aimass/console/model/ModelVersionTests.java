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

    private static ModelVersion version(Map<String, Object> metrics) {
        return new ModelVersion(null, 1, null, metrics, null, null, null, null, null);
    }

}
