package ai.aimass.console.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTests {

    private static final Map<String, String> FIELDS = Map.of("model", "layers", "model.layers", "layers",
            "federation.rounds", "rounds", "federation.participants", "participants");

    @Test
    void placesEachMessageByTheLongestPrefixThatNamesAField() {
        FormErrors errors = FormErrors.place(List.of("federation.rounds: expected an integer from 1 to 1000, found 0",
                "model.layers[0].units: expected 1 to 4096, found -3",
                "federation.participants[1].datasetId: expected a dataset of your tenant"), FIELDS);
        assertThat(errors.of("rounds"))
            .containsExactly("federation.rounds: expected an integer from 1 to 1000, found 0");
        assertThat(errors.of("layers")).containsExactly("model.layers[0].units: expected 1 to 4096, found -3");
        assertThat(errors.has("participants")).isTrue();
        assertThat(errors.general()).isEmpty();
    }

    @Test
    void keepsAMessageOfAnUnknownFieldForTheWholeForm() {
        FormErrors errors = FormErrors.place(List.of("federation.roundsX: odd", "colour: unknown field"), FIELDS);
        assertThat(errors.general()).containsExactly("federation.roundsX: odd", "colour: unknown field");
        assertThat(errors.all()).hasSize(2);
    }

}
