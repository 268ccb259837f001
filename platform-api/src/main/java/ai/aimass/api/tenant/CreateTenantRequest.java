package ai.aimass.api.tenant;

import ai.aimass.api.user.NewAccount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tenant to create, with the login of its first tenant admin.
 *
 * @param name 3 to 63 lowercase letters, digits or dashes, starting with a letter and not
 * ending with a dash; unique
 * @param displayName a name for people, at most 200 characters; the name when absent
 * @param admin the first tenant admin's login
 */
record CreateTenantRequest(
        @NotNull(message = "expected a tenant name") @Pattern(regexp = "[a-z][a-z0-9-]{1,61}[a-z0-9]",
                message = "expected 3 to 63 lowercase letters, digits or dashes, starting with a letter and not "
                        + "ending with a dash") String name,
        @Size(max = 200, message = "expected at most 200 characters") String displayName,
        @NotNull(message = "expected the login of the tenant's first admin") @Valid NewAccount admin) {
}
