package ai.aimass.inference.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PresentedApiKeyTests {

    private static final String SECRET = "Zm9vYmFyLWJhei1xdXV4LTAxMjM0NTY3ODlfLWFiY2R";

    @Test
    void splitsIdAndSecretEvenWhenTheSecretHoldsUnderscores() {
        PresentedApiKey key = PresentedApiKey.parse("am_0123456789abcdef_" + SECRET);
        assertThat(key.id()).isEqualTo("0123456789abcdef");
        assertThat(key.secret()).isEqualTo(SECRET);
    }

    @Test
    void rejectsKeysOfTheWrongShape() {
        for (String presented : new String[] { "am_0123456789abcdef", "am_0123456789ABCDEF_" + SECRET,
                "am_0123456789abcde_" + SECRET, "am_0123456789abcdef_" + SECRET + "x", "ak_0123456789abcdef_" + SECRET,
                "am_0123456789abcdef_" + SECRET.replace('Z', '+') }) {
            assertThatExceptionOfType(BadCredentialsException.class).as(presented)
                .isThrownBy(() -> PresentedApiKey.parse(presented))
                .withMessage("API key is malformed: expected am_<16-character id>_<43-character secret>");
        }
    }

    @Test
    void neverShowsTheSecretInItsText() {
        assertThat(PresentedApiKey.parse("am_0123456789abcdef_" + SECRET).toString()).doesNotContain(SECRET)
            .contains("0123456789abcdef");
    }

}
