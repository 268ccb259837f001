package ai.aimass.deployment;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code helm lint --strict} on the chart with its default values. */
class ChartLintTests {

    @Test
    void strictLintPasses() {
        LintResult result = ChartRenderer.lint();

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages())
            .noneMatch((message) -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

}
