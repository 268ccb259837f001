package ai.aimass.console.model;

import java.util.List;

import ai.aimass.console.model.ModelVersion.Fact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComparedFactTests {

    @Test
    void joinsByLabelSoThatAValueNeverStandsBesideAnotherMetric() {
        List<Fact> federated = List.of(new Fact("Validation accuracy", "95.0 %"), new Fact("Final loss", "0.1200"),
                new Fact("Rounds", "20"));
        List<Fact> ensemble = List.of(new Fact("Validation accuracy", "96.5 %"),
                new Fact("Validation accuracy measured", "cross-fitted"), new Fact("Rounds", "20"));
        List<ComparedFact> rows = ComparedFact.join(federated, ensemble);
        assertThat(rows).containsExactly(new ComparedFact("Validation accuracy", "95.0 %", "96.5 %"),
                new ComparedFact("Final loss", "0.1200", null), new ComparedFact("Rounds", "20", "20"),
                new ComparedFact("Validation accuracy measured", null, "cross-fitted"));
        assertThat(rows).extracting(ComparedFact::differs).containsExactly(true, true, false, true);
        assertThat(rows.get(1).rightText()).isEqualTo("–");
        assertThat(rows.get(3).leftText()).isEqualTo("–");
    }

    @Test
    void keepsTheFirstValueOfALabelRepeatedInOneVersion() {
        List<ComparedFact> rows = ComparedFact.join(List.of(new Fact("Seed", "1"), new Fact("Seed", "2")),
                List.of(new Fact("Seed", "1")));
        assertThat(rows).containsExactly(new ComparedFact("Seed", "1", "1"));
        assertThat(rows.get(0).differs()).isFalse();
    }

}
