package ai.aimass.api.user;

import ai.aimass.data.user.Role;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A user to add to the caller's tenant.
 *
 * @param username the login name, unique on the platform
 * @param password the password, at least 8 characters and at most 72 bytes in UTF-8
 * @param role {@code TENANT_ADMIN}, {@code DATA_SCIENTIST} or {@code VIEWER}
 */
record CreateUserRequest(
        @NotNull(message = "expected a login name") @Pattern(regexp = NewAccount.USERNAME_PATTERN,
                message = NewAccount.USERNAME_RULE) String username,
        @NotNull(message = "expected a password") @Size(min = NewAccount.MIN_PASSWORD_LENGTH,
                message = NewAccount.PASSWORD_RULE) @MaxUtf8Bytes(value = NewAccount.MAX_PASSWORD_BYTES,
                        message = NewAccount.PASSWORD_BYTES_RULE) String password,
        @NotNull(message = "expected one of TENANT_ADMIN, DATA_SCIENTIST, VIEWER") Role role) {
}
