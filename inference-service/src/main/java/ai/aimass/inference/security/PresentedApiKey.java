package ai.aimass.inference.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * An API key as a client presents it, {@code am_<id>_<secret>}: a 16-character id of
 * lower-case letters and digits, and a 43-character base64url secret (32 random bytes).
 *
 * @param id the key id, which is not secret
 * @param secret the secret, never to be logged
 */
record PresentedApiKey(String id, String secret) {

    static final String PREFIX = "am_";

    private static final Pattern FORMAT = Pattern.compile("am_([a-z0-9]{16})_([A-Za-z0-9_-]{43})");

    /**
     * Parses a presented key.
     * @param presented the header value
     * @return the parts
     * @throws BadCredentialsException when the value does not have the key format
     */
    static PresentedApiKey parse(String presented) {
        Matcher matcher = FORMAT.matcher(presented.strip());
        if (!matcher.matches()) {
            throw new BadCredentialsException(
                    "API key is malformed: expected am_<16-character id>_<43-character secret>");
        }
        return new PresentedApiKey(matcher.group(1), matcher.group(2));
    }

    static boolean looksLikeApiKey(String token) {
        return token.startsWith(PREFIX);
    }

    @Override
    public String toString() {
        return "PresentedApiKey[id=" + this.id + "]";
    }

}
