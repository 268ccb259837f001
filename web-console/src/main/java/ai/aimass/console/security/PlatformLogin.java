package ai.aimass.console.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.aimass.console.platform.ApiProblem;
import ai.aimass.console.platform.PlatformClients;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Signs a user in with platform-api's {@code POST /api/v1/auth/token}: the console checks
 * no password itself.
 * <p>
 * The token's claims are read without checking its signature, only to show the user's
 * name and role: the token came straight from platform-api, and every service it is sent
 * to verifies it.
 */
@Component
class PlatformLogin implements AuthenticationProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient platformApi;

    PlatformLogin(@Qualifier(PlatformClients.PLATFORM_API) RestClient platformApi) {
        this.platformApi = platformApi;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String token = requestToken(username, password);
        JsonNode claims = claims(token);
        String tenant = claims.path("tenant").asString("");
        if (tenant.isEmpty()) {
            throw new DisabledException(
                    "The console is for the users of a tenant; a platform admin manages " + "tenants with the API.");
        }
        String role = claims.path("role").asString("");
        ConsoleUser user = new ConsoleUser(claims.path("username").asString(username), role, UUID.fromString(tenant),
                token, Instant.ofEpochSecond(claims.path("exp").asLong()));
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private String requestToken(String username, String password) {
        try {
            JsonNode answer = this.platformApi.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password))
                .retrieve()
                .body(JsonNode.class);
            return answer.path("accessToken").asString();
        }
        catch (ApiProblem ex) {
            if (ex.status() == 400 || ex.status() == 401) {
                throw new BadCredentialsException("Wrong username or password.");
            }
            throw new AuthenticationServiceException("The platform could not sign you in: " + ex.getMessage());
        }
        catch (ResourceAccessException ex) {
            throw new AuthenticationServiceException("The platform API cannot be reached; try again in a moment.");
        }
    }

    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new AuthenticationServiceException("The platform answered a token the console cannot read.");
        }
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        return JSON.readTree(new String(payload, StandardCharsets.UTF_8));
    }

}
