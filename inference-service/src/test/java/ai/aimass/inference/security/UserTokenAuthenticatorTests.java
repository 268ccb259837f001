package ai.aimass.inference.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

import ai.aimass.inference.InferenceProperties;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationServiceException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UserTokenAuthenticatorTests {

    private static final String SIGNED_TOKEN = "eyJraWQiOiJrIiwiYWxnIjoiUlMyNTYifQ."
            + "eyJpc3MiOiJhaW1hc3MtcGxhdGZvcm0tYXBpIiwic3ViIjoidSJ9.c2lnbmF0dXJl";

    @Test
    void startsWithoutTheKeySetAndFailsTokensWhileItIsUnreachable() throws IOException {
        URI unreachable = URI.create("http://127.0.0.1:" + freePort() + "/api/v1/auth/jwks");
        InferenceProperties properties = new InferenceProperties(unreachable, null, null, null, null, null);
        UserTokenAuthenticator authenticator = new UserTokenAuthenticator(
                SecurityConfiguration.userTokenDecoder(properties), unreachable.toString());
        assertThatExceptionOfType(AuthenticationServiceException.class)
            .isThrownBy(() -> authenticator.authenticate(SIGNED_TOKEN))
            .withMessage("user token could not be verified now: platform-api's signing keys are unavailable");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
