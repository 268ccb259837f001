package ai.aimass.api.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenVerificationKeysTests {

    @TempDir
    Path folder;

    @Test
    void aTokenOfAnEarlierKeyStaysValidWhileTheKeyIsListed() throws Exception {
        Path previous = Files.createDirectories(this.folder.resolve("previous"));
        RSAKey earlier = SigningKeys.load(previous.resolve("2026-11.pem"));
        RSAKey current = SigningKeys.load(this.folder.resolve("current.pem"));
        RSAKey stranger = SigningKeys.load(null);

        JwtDecoder rotated = SecurityConfiguration.tokenDecoder(TokenVerificationKeys.of(current, previous));
        assertThat(rotated.decode(token(earlier)).getClaimAsString(TokenService.ROLE_CLAIM)).isEqualTo("VIEWER");
        assertThat(rotated.decode(token(current)).getClaimAsString(TokenService.ROLE_CLAIM)).isEqualTo("VIEWER");
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> rotated.decode(token(stranger)));

        JwtDecoder withoutOverlap = SecurityConfiguration.tokenDecoder(TokenVerificationKeys.of(current, null));
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> withoutOverlap.decode(token(earlier)));
    }

    @Test
    void publishesThePublicPartsCurrentFirstAndEachKeyOnce() throws Exception {
        Path previous = Files.createDirectories(this.folder.resolve("previous"));
        RSAKey earlier = SigningKeys.load(previous.resolve("a.pem"));
        RSAKey current = SigningKeys.load(this.folder.resolve("current.pem"));
        // The current key listed among the earlier ones too, and a file that is no key
        // file.
        Files.copy(this.folder.resolve("current.pem"), previous.resolve("b.pem"));
        Files.writeString(previous.resolve("README"), "not a key");

        JWKSet published = TokenVerificationKeys.of(current, previous).publicSet();
        assertThat(published.getKeys()).extracting((key) -> key.getKeyID())
            .containsExactly(current.getKeyID(), earlier.getKeyID());
        assertThat(published.getKeys()).noneMatch((key) -> key.isPrivate());
    }

    @Test
    void refusesAFolderThatIsNotThere() {
        Path missing = this.folder.resolve("missing");
        assertThatExceptionOfType(InvalidSigningKeyException.class)
            .isThrownBy(() -> TokenVerificationKeys.of(SigningKeys.load(null), missing))
            .withMessage("Token signing key " + missing + ": expected a folder of earlier signing keys (PEM files), "
                    + "aimass.security.previous-signing-key-dir, found nothing there");
    }

    /** A token as TokenService issues it, signed with the given key. */
    private static String token(RSAKey key) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(TokenService.ISSUER)
            .subject("someone")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(600))
            .claim(TokenService.ROLE_CLAIM, "VIEWER")
            .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
            .encode(JwtEncoderParameters.from(header, claims))
            .getTokenValue();
    }

}
