package ai.aimass.inference;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * User tokens for tests, signed like platform-api's: RS256 with a key whose JWK Set a
 * small HTTP server on 127.0.0.1 publishes, started on first use.
 */
final class TestTokens {

    static final String ISSUER = "aimass-platform-api";

    private static final RSAKey PUBLISHED_KEY = generate("published-key");

    private static final RSAKey UNPUBLISHED_KEY = generate("unpublished-key");

    private static HttpServer server;

    private TestTokens() {
    }

    /** The URL of the JWK Set, which holds only the published key. */
    static synchronized String jwksUri() {
        if (server == null) {
            server = startServer(new JWKSet(PUBLISHED_KEY.toPublicJWK()).toString());
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/auth/jwks";
    }

    /** A valid token of a tenant user. */
    static String userToken(UUID userId, UUID tenantId, String role) {
        return sign(PUBLISHED_KEY, claims(userId, tenantId, role, ISSUER, Instant.now().plus(Duration.ofHours(1))));
    }

    /** A valid token of a platform admin, who belongs to no tenant. */
    static String platformAdminToken(UUID userId) {
        return sign(PUBLISHED_KEY, claims(userId, null, "PLATFORM_ADMIN", ISSUER, Instant.now().plusSeconds(3600)));
    }

    static String tokenSignedWithUnpublishedKey(UUID userId, UUID tenantId) {
        return sign(UNPUBLISHED_KEY, claims(userId, tenantId, "VIEWER", ISSUER, Instant.now().plusSeconds(3600)));
    }

    static String tokenFromIssuer(String issuer, UUID userId, UUID tenantId) {
        return sign(PUBLISHED_KEY, claims(userId, tenantId, "VIEWER", issuer, Instant.now().plusSeconds(3600)));
    }

    static String expiredToken(UUID userId, UUID tenantId) {
        return sign(PUBLISHED_KEY,
                claims(userId, tenantId, "VIEWER", ISSUER, Instant.now().minus(Duration.ofHours(2))));
    }

    /**
     * A token signed with the published key whose claims start as those of a valid token
     * of a tenant viewer and are then changed; a claim set to null is left out.
     */
    static String tokenWith(UUID userId, UUID tenantId, UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet valid = claims(userId, tenantId, "VIEWER", ISSUER, Instant.now().plusSeconds(3600));
        return sign(PUBLISHED_KEY, change.apply(new JWTClaimsSet.Builder(valid)).build());
    }

    private static JWTClaimsSet claims(UUID userId, UUID tenantId, String role, String issuer, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
            .subject(userId.toString())
            .issueTime(Date.from(expiresAt.minus(Duration.ofHours(1))))
            .expirationTime(Date.from(expiresAt))
            .claim("role", role)
            .claim("username", "user-" + userId);
        if (tenantId != null) {
            claims.claim("tenant", tenantId.toString());
        }
        return claims.build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign a test token", ex);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate a test RSA key", ex);
        }
    }

    private static HttpServer startServer(String jwks) {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            started.createContext("/api/v1/auth/jwks", (exchange) -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.stop(0)));
            return started;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the test JWKS server", ex);
        }
    }

}
