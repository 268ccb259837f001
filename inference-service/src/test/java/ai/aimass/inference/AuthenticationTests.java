package ai.aimass.inference;

import java.util.UUID;

import ai.aimass.inference.TestHttp.Answer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may predict: devices with an API key that has the {@code predict} scope, users with
 * a token from platform-api, each only with their own tenant's models.
 */
class AuthenticationTests extends InferenceIntegrationTests {

    private static final String NAMED = "/v1/models/breast-cancer:predict";

    private static final String INFER = "/v2/models/breast-cancer/infer";

    @Test
    void apiKeyWorksAsBearerTokenAndAsApiKeyHeader() {
        assertThat(this.http.post(NAMED, namedRequest(0), "Authorization", "Bearer " + this.world.predictKeyA).status())
            .isEqualTo(200);
        assertThat(this.http.post(INFER, inferRequest(0), "X-API-Key", this.world.predictKeyA).status()).isEqualTo(200);
    }

    @Test
    void requestWithBothAnAuthorizationAndAnApiKeyHeaderIsRefused() {
        String message = "expected one credential, found both an Authorization header and an X-API-Key header";
        String key = this.world.predictKeyA;
        String[] both = { "Authorization", "Bearer " + key, "X-API-Key", key };
        Answer infer = this.http.post(INFER, inferRequest(0), both);
        assertOipError(infer, 400, "invalid_input", message);
        assertThat(infer.json().get("error").stringValue()).isEqualTo(message);
        Answer metadata = this.http.get("/v2/models/breast-cancer", both);
        assertOipError(metadata, 400, "invalid_input", message);
        Answer named = this.http.post(NAMED, namedRequest(0), both);
        assertProblem(named, 400, "invalid_input", message);
        assertThat(named.json().get("detail").stringValue()).isEqualTo(message);
    }

    @Test
    void requestWithoutCredentialsIsUnauthorized() {
        Answer named = this.http.post(NAMED, namedRequest(0));
        assertProblem(named, 401, "unauthorized", "no credentials: expected an API key");
        assertThat(named.wwwAuthenticate()).isEqualTo("Bearer");
        Answer infer = this.http.post(INFER, inferRequest(0));
        assertOipError(infer, 401, "unauthorized", "no credentials: expected an API key");
        assertOipError(this.http.get("/v2/models/breast-cancer"), 401, "unauthorized", "no credentials");
    }

    @Test
    void revokedKeyIsUnauthorized() {
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(this.world.revokedKeyA)), 401, "unauthorized",
                "was revoked at");
        assertOipError(this.http.post(INFER, inferRequest(0), "X-API-Key", this.world.revokedKeyA), 401, "unauthorized",
                "was revoked at");
    }

    @Test
    void wrongSecretAndUnknownKeyGetTheSameAnswer() {
        String key = this.world.predictKeyA;
        String wrongSecret = key.substring(0, key.length() - 4) + (key.endsWith("AAAA") ? "BBBB" : "AAAA");
        String unknownId = "am_" + TestWorld.randomId() + key.substring(19);
        Answer wrong = this.http.post(NAMED, namedRequest(0), apiKey(wrongSecret));
        Answer unknown = this.http.post(NAMED, namedRequest(0), apiKey(unknownId));
        assertProblem(wrong, 401, "unauthorized",
                "API key is not valid: no active key matches the presented id and secret");
        assertProblem(unknown, 401, "unauthorized",
                "API key is not valid: no active key matches the presented id and secret");
        assertThat(this.http.post(NAMED, namedRequest(0), keyA()).status()).isEqualTo(200);
    }

    @Test
    void malformedKeyIsUnauthorized() {
        assertProblem(this.http.post(NAMED, namedRequest(0), "X-API-Key", "am_short_secret"), 401, "unauthorized",
                "API key is malformed: expected am_<16-character id>_<43-character secret>");
        assertProblem(this.http.post(NAMED, namedRequest(0), "Authorization", "Basic dXNlcjpwYXNz"), 401,
                "unauthorized", "Authorization header: expected \"Bearer <API key or user token>\"");
    }

    @Test
    void keyWithoutPredictScopeIsForbidden() {
        String message = "lacks the scope \"predict\": expected it among the key's scopes, found participate";
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(this.world.participateKeyA)), 403, "forbidden",
                message);
        assertOipError(this.http.post(INFER, inferRequest(0), apiKey(this.world.participateKeyA)), 403, "forbidden",
                message);
    }

    @Test
    void userTokenOfTheTenantWorksForBothApis() {
        String token = TestTokens.userToken(this.world.userA, this.world.tenantA, "VIEWER");
        Answer named = this.http.post(NAMED, namedRequest(0), apiKey(token));
        assertThat(named.status()).as(named.text()).isEqualTo(200);
        assertThat(named.json().get("model_version").stringValue()).isEqualTo("1");
        Answer infer = this.http.post(INFER, inferRequest(0), apiKey(token));
        assertThat(infer.status()).as(infer.text()).isEqualTo(200);
        assertThat(this.http.get("/v2/models/breast-cancer", apiKey(token)).status()).isEqualTo(200);
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() {
        String token = TestTokens.tokenSignedWithUnpublishedKey(this.world.userA, this.world.tenantA);
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(token)), 401, "unauthorized",
                "user token is not valid: expected a JWT signed by platform-api");
    }

    @Test
    void tokenOfAnotherIssuerIsUnauthorized() {
        String token = TestTokens.tokenFromIssuer("someone-else", this.world.userA, this.world.tenantA);
        assertOipError(this.http.post(INFER, inferRequest(0), apiKey(token)), 401, "unauthorized",
                "user token is not valid: The iss claim is not valid");
    }

    @Test
    void expiredTokenIsUnauthorized() {
        String token = TestTokens.expiredToken(this.world.userA, this.world.tenantA);
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(token)), 401, "unauthorized",
                "user token is not valid: Jwt expired at");
    }

    @Test
    void tokenWithoutExpiryIsUnauthorized() {
        String token = TestTokens.tokenWith(this.world.userA, this.world.tenantA,
                (claims) -> claims.expirationTime(null));
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(token)), 401, "unauthorized",
                "user token is not valid: claim \"exp\": expected an expiry time, found none");
    }

    @Test
    void tokenWithoutIssuerIsUnauthorized() {
        String token = TestTokens.tokenWith(this.world.userA, this.world.tenantA, (claims) -> claims.issuer(null));
        assertOipError(this.http.post(INFER, inferRequest(0), apiKey(token)), 401, "unauthorized",
                "user token is not valid: The iss claim is not valid");
    }

    @Test
    void tokenWithoutRoleOrWithAnUnknownOneIsUnauthorized() {
        String withoutRole = TestTokens.tokenWith(this.world.userA, this.world.tenantA,
                (claims) -> claims.claim("role", null));
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(withoutRole)), 401, "unauthorized",
                "user token is not valid: claim \"role\": expected one of TENANT_ADMIN, DATA_SCIENTIST, VIEWER, "
                        + "found none");
        String unknownRole = TestTokens.tokenWith(this.world.userA, this.world.tenantA,
                (claims) -> claims.claim("role", "OWNER"));
        assertOipError(this.http.post(INFER, inferRequest(0), apiKey(unknownRole)), 401, "unauthorized",
                "user token is not valid: claim \"role\": expected one of TENANT_ADMIN, DATA_SCIENTIST, VIEWER, "
                        + "found \"OWNER\"");
    }

    @Test
    void tenantRoleWithoutAValidTenantIsUnauthorized() {
        String withoutTenant = TestTokens.userToken(this.world.userA, null, "DATA_SCIENTIST");
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(withoutTenant)), 401, "unauthorized",
                "user token is not valid: claim \"tenant\": expected the tenant id (a UUID), found none");
        String notUuid = TestTokens.tokenWith(this.world.userA, this.world.tenantA,
                (claims) -> claims.claim("tenant", "tenant-a"));
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(notUuid)), 401, "unauthorized",
                "user token is not valid: claim \"tenant\": expected a UUID, found \"tenant-a\"");
    }

    @Test
    void platformAdminTokenWithATenantIsUnauthorized() {
        String token = TestTokens.tokenWith(this.world.userA, this.world.tenantA,
                (claims) -> claims.claim("role", "PLATFORM_ADMIN"));
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(token)), 401, "unauthorized",
                "user token is not valid: claim \"tenant\": expected none for role PLATFORM_ADMIN, found \""
                        + this.world.tenantA + "\"");
    }

    @Test
    void malformedTokenIsUnauthorized() {
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey("not-a-jwt")), 401, "unauthorized",
                "user token is not valid");
    }

    @Test
    void platformAdminTokenIsForbiddenBecauseItHasNoTenant() {
        String token = TestTokens.platformAdminToken(UUID.randomUUID());
        assertProblem(this.http.post(NAMED, namedRequest(0), apiKey(token)), 403, "forbidden",
                "belongs to no tenant (a platform admin)");
    }

    @Test
    void anotherTenantsKeyGetsNotFoundForTheModel() {
        String[] keyB = apiKey(this.world.predictKeyB);
        String message = "model \"breast-cancer\" not found";
        assertProblem(this.http.post(NAMED, namedRequest(0), keyB), 404, "not_found", message);
        assertOipError(this.http.post(INFER, inferRequest(0), keyB), 404, "not_found", message);
        assertOipError(this.http.post("/v2/models/breast-cancer/versions/1/infer", inferRequest(0), keyB), 404,
                "not_found", message);
        assertOipError(this.http.get("/v2/models/breast-cancer", keyB), 404, "not_found", message);
        assertOipError(this.http.get("/v2/models/breast-cancer/versions/2/ready", keyB), 404, "not_found", message);
        Answer missing = this.http.post("/v1/models/breast-cancer-x:predict", namedRequest(0), keyA());
        assertThat(missing.json().get("detail").stringValue()).isEqualTo("model \"breast-cancer-x\" not found");
    }

    @Test
    void anotherTenantsUserGetsNotFoundForTheModel() {
        String token = TestTokens.userToken(this.world.userB, this.world.tenantB, "TENANT_ADMIN");
        assertOipError(this.http.post(INFER, inferRequest(0), apiKey(token)), 404, "not_found",
                "model \"breast-cancer\" not found");
    }

    @Test
    void healthNeedsNoCredentialsAndIgnoresBadOnes() {
        for (String path : new String[] { "/v2/health/live", "/v2/health/ready", "/actuator/health/liveness",
                "/actuator/health/readiness", "/v2" }) {
            assertThat(this.http.get(path).status()).as(path).isEqualTo(200);
            assertThat(this.http.get(path, "X-API-Key", "am_bad").status()).as(path).isEqualTo(200);
        }
    }

    private static void assertProblem(Answer answer, int status, String code, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("code").stringValue()).isEqualTo(code);
        assertThat(body.get("status").intValue()).isEqualTo(status);
        assertThat(body.get("detail").stringValue()).contains(message);
    }

    private static void assertOipError(Answer answer, int status, String code, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.propertyNames()).containsExactly("error", "code");
        assertThat(body.get("code").stringValue()).isEqualTo(code);
        assertThat(body.get("error").stringValue()).contains(message);
    }

}
