package ai.aimass.api.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads or creates the RSA key that signs access tokens.
 * <p>
 * The key lives in a PEM file (PKCS#8, {@code BEGIN PRIVATE KEY}) so that every replica
 * and every restart signs with the same key. A missing file is created with a new
 * 2048-bit key and mode 0600; without a file the key exists only in memory, and tokens
 * die with the process. The key id is the key's RFC 7638 thumbprint.
 */
public final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";

    private static final String END = "-----END PRIVATE KEY-----";

    private static final int KEY_BITS = 2048;

    private SigningKeys() {
    }

    /**
     * Returns the signing key of a file, creating the file when it is missing.
     * @param file the PEM file, or null to keep a new key in memory
     * @return the key pair as a JWK, with its key id
     * @throws InvalidSigningKeyException when the file holds no RSA private key
     */
    public static RSAKey load(Path file) {
        if (file == null) {
            log.info("No aimass.security.signing-key-file is set; tokens are signed with a key kept in memory "
                    + "and become invalid when this process stops");
            return toJwk(generate());
        }
        if (Files.exists(file)) {
            RSAKey key = read(file);
            log.info("Loaded the token signing key kid={} from {}", key.getKeyID(), file);
            return key;
        }
        KeyPair pair = generate();
        try {
            write(file, (RSAPrivateCrtKey) pair.getPrivate());
        }
        catch (FileAlreadyExistsException ex) {
            // Another replica created it first: use that one.
            return read(file);
        }
        RSAKey key = toJwk(pair);
        log.info("Created a token signing key kid={} in {}", key.getKeyID(), file);
        return key;
    }

    static RSAKey read(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            int begin = pem.indexOf(BEGIN);
            int end = pem.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new InvalidSigningKeyException(file, "expected a PEM block \"" + BEGIN + "\" (PKCS#8)");
            }
            String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(base64);
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            RSAPublicKey publicKey = (RSAPublicKey) factory
                .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return toJwk(new KeyPair(publicKey, privateKey));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the token signing key " + file, ex);
        }
        catch (IllegalArgumentException | ClassCastException | GeneralSecurityException ex) {
            throw new InvalidSigningKeyException(file, "expected an RSA private key in PKCS#8 PEM form");
        }
    }

    private static void write(Path file, RSAPrivateCrtKey key) throws FileAlreadyExistsException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
        String pem = BEGIN + "\n" + body + "\n" + END + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        }
        catch (FileAlreadyExistsException ex) {
            throw ex;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the token signing key " + file, ex);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("RSA is required of every Java runtime", ex);
        }
    }

    private static RSAKey toJwk(KeyPair pair) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate())
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .build();
        try {
            return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not compute the thumbprint of the signing key", ex);
        }
    }

}
