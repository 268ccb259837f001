package ai.aimass.api.auth;

import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.ErrorCode;
import ai.aimass.api.user.MaxUtf8Bytes;
import ai.aimass.api.user.NewAccount;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a user's password and issues an access token.
 * <p>
 * A wrong password and an unknown user get the same answer, and both cost one hash
 * comparison, so that the answer tells nothing about which names exist. A password longer
 * than BCrypt's 72 bytes cannot be any user's, so it is compared in place of nothing and
 * refused the same way.
 */
@Service
public class LoginService {

    private static final String UNSTORABLE_PASSWORD = "stands in for a password longer than 72 bytes";

    private final UserRepository users;

    private final PasswordEncoder passwordEncoder;

    private final TokenService tokens;

    private final String unknownUserHash;

    public LoginService(UserRepository users, PasswordEncoder passwordEncoder, TokenService tokens) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.tokens = tokens;
        this.unknownUserHash = passwordEncoder.encode("no user has this password");
    }

    /**
     * Issues a token for matching credentials.
     * @param username the login name
     * @param password the password
     * @return the token
     * @throws ApiException with code {@code unauthorized} when the credentials do not
     * match
     */
    public TokenService.IssuedToken login(String username, String password) {
        UserEntity user = this.users.findByUsername(username).orElse(null);
        String hash = (user != null) ? user.getPasswordHash() : this.unknownUserHash;
        boolean storable = MaxUtf8Bytes.Validator.byteCount(password) <= NewAccount.MAX_PASSWORD_BYTES;
        boolean matches = this.passwordEncoder.matches(storable ? password : UNSTORABLE_PASSWORD, hash);
        if (user == null || !storable || !matches) {
            throw new ApiException(ErrorCode.UNAUTHORIZED,
                    "username and password: expected the credentials of a user, found ones that do not match");
        }
        return this.tokens.issue(user);
    }

}
