package ai.aimass.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import ai.aimass.api.ApiClient;
import ai.aimass.api.ApiTestSupport;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

import static org.assertj.core.api.Assertions.assertThat;

class AuthTests extends ApiTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JwtEncoder encoder;

    @Autowired
    private RSAKey signingKey;

    @Test
    void loginAnswersBearerTokenWithTheContractClaims() {
        TestTenant tenant = createTenant();
        ApiClient.Response response = api().post("/api/v1/auth/token", null,
                "{\"username\":\"" + tenant.name() + "-admin\",\"password\":\"" + USER_PASSWORD + "\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(response.body().get("expiresIn").asLong()).isEqualTo(3600);
        String token = response.body().get("accessToken").asString();
        JsonNode header = decodePart(token, 0);
        JsonNode claims = decodePart(token, 1);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(claims.get("iss").asString()).isEqualTo("aimass-platform-api");
        assertThat(UUID.fromString(claims.get("sub").asString())).isNotNull();
        assertThat(claims.get("tenant").asString()).isEqualTo(tenant.id().toString());
        assertThat(claims.get("role").asString()).isEqualTo("TENANT_ADMIN");
        assertThat(claims.get("username").asString()).isEqualTo(tenant.name() + "-admin");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
    }

    @Test
    void platformAdminTokenCarriesNoTenantClaim() {
        JsonNode claims = decodePart(adminToken(), 1);
        assertThat(claims.get("role").asString()).isEqualTo("PLATFORM_ADMIN");
        assertThat(claims.has("tenant")).isFalse();
    }

    @Test
    void keySetIsPublicAndVerifiesIssuedTokens() throws Exception {
        String token = adminToken();
        ApiClient.Response response = api().get("/api/v1/auth/jwks", null);
        assertThat(response.status()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(response.text());
        assertThat(keys.getKeys()).hasSize(1);
        RSAKey key = keys.getKeys().get(0).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(response.text()).doesNotContain("\"d\"");
        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        ApiClient.Response wrongPassword = api().post("/api/v1/auth/token", null,
                "{\"username\":\"admin\",\"password\":\"not-the-password\"}");
        ApiClient.Response unknownUser = api().post("/api/v1/auth/token", null,
                "{\"username\":\"" + uniqueName("nobody") + "\",\"password\":\"not-the-password\"}");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("unauthorized");
        assertThat(wrongPassword.detail()).contains("username and password");
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.detail()).isEqualTo(wrongPassword.detail());
    }

    @Test
    void passwordLongerThanBcryptsLimitGetsTheSame401() {
        ApiClient.Response longPassword = api().post("/api/v1/auth/token", null,
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "x".repeat(80) + "\"}");
        assertThat(longPassword.status()).isEqualTo(401);
        assertThat(longPassword.code()).isEqualTo("unauthorized");
        assertThat(longPassword.detail())
            .isEqualTo("username and password: expected the credentials of a user, found ones that do not match");
    }

    @Test
    void passwordOver200CharactersIsInvalidInput() {
        ApiClient.Response response = api().post("/api/v1/auth/token", null,
                "{\"username\":\"admin\",\"password\":\"" + "x".repeat(201) + "\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).isEqualTo("password: expected at most 200 characters, found 201 characters");
    }

    @Test
    void loginWithoutPasswordIsInvalidInput() {
        ApiClient.Response response = api().post("/api/v1/auth/token", null, "{\"username\":\"admin\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("invalid_input");
        assertThat(response.detail()).startsWith("password: expected a password");
    }

    @Test
    void requestWithoutTokenIs401Problem() {
        ApiClient.Response response = api().get("/api/v1/datasets", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying((value) -> assertThat(value).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
        assertThat(response.code()).isEqualTo("unauthorized");
        assertThat(response.detail())
            .isEqualTo("Authorization: expected a bearer token from POST /api/v1/auth/token, found none");
        assertThat(response.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void tamperedTokenIs401() {
        String token = adminToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        ApiClient.Response response = api().get("/api/v1/tenants", tampered);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthorized");
        assertThat(response.detail()).contains("expired, malformed or not signed by this platform");
    }

    @Test
    void expiredTokenIs401() {
        Instant past = Instant.now().minusSeconds(7200);
        String token = sign(adminClaims().issuedAt(past).expiresAt(past.plusSeconds(60)));
        assertRefusedAsInvalid(api().get("/api/v1/tenants", token));
    }

    @Test
    void tokenWithoutExpiryIs401() {
        String token = sign(JwtClaimsSet.builder()
            .issuer(TokenService.ISSUER)
            .subject(UUID.randomUUID().toString())
            .issuedAt(Instant.now())
            .claim("role", "PLATFORM_ADMIN")
            .claim("username", "admin"));
        assertRefusedAsInvalid(api().get("/api/v1/tenants", token));
    }

    @Test
    void tokenOfAnotherIssuerOrNoneIs401() {
        assertRefusedAsInvalid(api().get("/api/v1/tenants", sign(adminClaims().issuer("someone-else"))));
        JwtClaimsSet.Builder noIssuer = adminClaims();
        noIssuer.claims((claims) -> claims.remove("iss"));
        assertRefusedAsInvalid(api().get("/api/v1/tenants", sign(noIssuer)));
    }

    @Test
    void tokenWithTheContractClaimsSignedHereIsAccepted() {
        assertThat(api().get("/api/v1/tenants", sign(adminClaims())).status()).isEqualTo(200);
    }

    @Test
    void authorizationHeaderThatIsNotBearerIs401() {
        ApiClient.Response response = api()
            .send(api().request("/api/v1/tenants", null).header("Authorization", "Basic YWRtaW46YWRtaW4=").GET());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthorized");
    }

    /** The claims of a valid platform admin token, valid for one hour from now. */
    private static JwtClaimsSet.Builder adminClaims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder()
            .issuer(TokenService.ISSUER)
            .subject(UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(now.plusSeconds(3600))
            .claim("role", "PLATFORM_ADMIN")
            .claim("username", "admin");
    }

    private String sign(JwtClaimsSet.Builder claims) {
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.signingKey.getKeyID()).build();
        return this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    private static void assertRefusedAsInvalid(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthorized");
        assertThat(response.detail()).isEqualTo("Authorization: expected a valid bearer token from POST "
                + "/api/v1/auth/token, found one that is expired, malformed or not signed by this platform");
    }

    private static JsonNode decodePart(String jwt, int index) {
        byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[index]);
        return JSON.readTree(new String(json, StandardCharsets.UTF_8));
    }

}
