package ai.aimass.api.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The login of a new user.
 *
 * @param username 3 to 100 letters, digits, dots, dashes, underscores or {@code @},
 * unique on the platform
 * @param password at least 8 characters and at most 72 bytes in UTF-8
 */
public record NewAccount(
        @NotNull(message = "expected a login name") @Pattern(regexp = NewAccount.USERNAME_PATTERN,
                message = NewAccount.USERNAME_RULE) String username,
        @NotNull(message = "expected a password") @Size(min = NewAccount.MIN_PASSWORD_LENGTH,
                message = NewAccount.PASSWORD_RULE) @MaxUtf8Bytes(value = NewAccount.MAX_PASSWORD_BYTES,
                        message = NewAccount.PASSWORD_BYTES_RULE) String password) {

    /** The rule for login names. */
    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{2,99}";

    /** The rule for login names, as a message. */
    public static final String USERNAME_RULE = "expected 3 to 100 letters, digits, dots, dashes, underscores or @, "
            + "starting with a letter or digit";

    /** The shortest accepted password. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    /** The longest accepted password in UTF-8 bytes: BCrypt's limit. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** The rule for short passwords, as a message. */
    public static final String PASSWORD_RULE = "expected at least 8 characters";

    /** The rule for long passwords, as a message. */
    public static final String PASSWORD_BYTES_RULE = "expected at most 72 bytes in UTF-8";

}
