package ai.aimass.api.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a signing key file that cannot be used, and how to fix it. */
class InvalidSigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSigningKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSigningKeyException cause) {
        if (cause.getMessage().contains("previous-signing-key-dir")) {
            return new FailureAnalysis(cause.getMessage(),
                    "Point aimass.security.previous-signing-key-dir at a folder of the earlier keys' PEM files, or "
                            + "unset it once tokens of those keys have expired.",
                    cause);
        }
        return new FailureAnalysis(cause.getMessage(),
                "Point aimass.security.signing-key-file at an RSA private key in PKCS#8 PEM form (openssl genpkey "
                        + "-algorithm RSA -pkeyopt rsa_keygen_bits:2048), or remove the file " + cause.file()
                        + " to have a new key created; tokens signed with the old key stop working.",
                cause);
    }

}
