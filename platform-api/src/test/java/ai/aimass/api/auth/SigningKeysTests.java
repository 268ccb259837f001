package ai.aimass.api.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SigningKeysTests {

    @TempDir
    Path directory;

    @Test
    void createsMissingKeyFileReadableOnlyByItsOwner() throws Exception {
        Path file = this.directory.resolve("keys/signing-key.pem");
        RSAKey key = SigningKeys.load(file);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n")
            .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.size()).isEqualTo(2048);
    }

    @Test
    void loadsTheSameKeyFromAnExistingFile() {
        Path file = this.directory.resolve("signing-key.pem");
        RSAKey created = SigningKeys.load(file);
        RSAKey loaded = SigningKeys.load(file);
        assertThat(loaded.getModulus()).isEqualTo(created.getModulus());
        assertThat(loaded.getKeyID()).isEqualTo(created.getKeyID());
        assertThat(loaded.isPrivate()).isTrue();
    }

    @Test
    void keepsAKeyInMemoryWhenNoFileIsSet() {
        RSAKey first = SigningKeys.load(null);
        RSAKey second = SigningKeys.load(null);
        assertThat(first.getKeyID()).isNotEqualTo(second.getKeyID());
        assertThat(this.directory).isEmptyDirectory();
    }

    @Test
    void rejectsAFileWithoutAPrivateKey() throws Exception {
        Path file = this.directory.resolve("not-a-key.pem");
        Files.writeString(file, "hello\n");
        assertThatExceptionOfType(InvalidSigningKeyException.class).isThrownBy(() -> SigningKeys.load(file))
            .withMessageContaining("expected a PEM block");
    }

    @Test
    void rejectsAPemBlockThatIsNotAnRsaKey() throws Exception {
        Path file = this.directory.resolve("garbage.pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatExceptionOfType(InvalidSigningKeyException.class).isThrownBy(() -> SigningKeys.load(file))
            .withMessageContaining("expected an RSA private key in PKCS#8 PEM form");
    }

}
