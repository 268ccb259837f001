package ai.aimass.api.auth;

import ai.aimass.api.problem.ApiException;
import ai.aimass.api.problem.ErrorCode;
import ai.aimass.data.user.UserEntity;
import ai.aimass.data.user.UserRepository;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks a user's password and issues an access token.
 * <p>
 * A wrong password and an unknown user get the same answer, and both cost one hash
 * comparison, so that the answer tells nothing about which names exist.
 */
@Service
public class LoginService {

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
        boolean matches = this.passwordEncoder.matches(password, hash);
        if (user == null || !matches) {
            throw new ApiException(ErrorCode.UNAUTHORIZED,
                    "username and password: expected the credentials of a user, found ones that do not match");
        }
        return this.tokens.issue(user);
    }

}
