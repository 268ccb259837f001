package ai.aimass.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that verify access tokens: the current signing key first, then the earlier
 * keys of {@code aimass.security.previous-signing-key-dir}.
 * <p>
 * Rotating the signing key would otherwise end every token at once. With the old key
 * listed, tokens it signed stay valid until they expire, and the published key set holds
 * both, so that inference-service accepts them too; once the longest token lifetime has
 * passed, the old key can be removed.
 *
 * @param keys the keys, current first; each with its private part, which is never
 * published
 */
public record TokenVerificationKeys(List<RSAKey> keys) {

    private static final Logger log = LoggerFactory.getLogger(TokenVerificationKeys.class);

    public TokenVerificationKeys {
        keys = List.copyOf(keys);
    }

    /**
     * Reads the earlier keys beside the current one.
     * @param current the key that signs new tokens
     * @param previousDir a folder whose {@code .pem} files are earlier keys, or null for
     * none
     * @return the keys, current first, each key once
     * @throws InvalidSigningKeyException when the folder is missing or a file holds no
     * RSA key
     */
    public static TokenVerificationKeys of(RSAKey current, Path previousDir) {
        List<RSAKey> keys = new ArrayList<>(List.of(current));
        if (previousDir == null) {
            return new TokenVerificationKeys(keys);
        }
        if (!Files.isDirectory(previousDir)) {
            throw new InvalidSigningKeyException(previousDir,
                    "expected a folder of earlier signing keys (PEM files), aimass.security.previous-signing-key-dir",
                    Files.exists(previousDir) ? "a file" : "nothing there");
        }
        try (Stream<Path> files = Files.list(previousDir)) {
            for (Path file : files.filter((path) -> path.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                RSAKey key = SigningKeys.read(file);
                if (keys.stream().noneMatch((known) -> known.getKeyID().equals(key.getKeyID()))) {
                    keys.add(key);
                    log.info("Tokens signed with the earlier key kid={} from {} are still accepted", key.getKeyID(),
                            file);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not list the earlier signing keys in " + previousDir, ex);
        }
        return new TokenVerificationKeys(keys);
    }

    /**
     * Returns the public parts of the keys, current first, as anyone may read them.
     * @return the public key set
     */
    public JWKSet publicSet() {
        List<JWK> publicKeys = this.keys.stream().map((key) -> (JWK) key.toPublicJWK()).toList();
        return new JWKSet(publicKeys);
    }

}
