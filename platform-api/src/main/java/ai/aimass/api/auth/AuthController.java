package ai.aimass.api.auth;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login and the public key set with which anyone verifies the platform's tokens.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
@SecurityRequirements
class AuthController {

    private final LoginService loginService;

    private final Map<String, Object> publicKeys;

    AuthController(LoginService loginService, TokenVerificationKeys keys) {
        this.loginService = loginService;
        this.publicKeys = keys.publicSet().toJSONObject();
    }

    @PostMapping("/token")
    @Operation(summary = "Log in with a username and password and receive an access token")
    TokenResponse createToken(@Valid @RequestBody LoginRequest request) {
        TokenService.IssuedToken token = this.loginService.login(request.username(), request.password());
        return new TokenResponse(token.value(), "Bearer", token.expiresIn());
    }

    @GetMapping(path = "/jwks", produces = { MediaType.APPLICATION_JSON_VALUE, "application/jwk-set+json" })
    @Operation(summary = "The JSON Web Key Set that verifies access tokens")
    Map<String, Object> getKeySet() {
        return this.publicKeys;
    }

    /**
     * Credentials of a user.
     *
     * @param username the login name
     * @param password the password
     */
    record LoginRequest(
            @NotBlank(message = "expected a login name") @Size(max = 100,
                    message = "expected at most 100 characters") String username,
            @NotBlank(message = "expected a password") @Size(max = 200,
                    message = "expected at most 200 characters") String password) {
    }

    /**
     * An access token to send as {@code Authorization: Bearer <accessToken>}.
     *
     * @param accessToken the signed JWT
     * @param tokenType always {@code Bearer}
     * @param expiresIn seconds until the token expires
     */
    record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    }

}
