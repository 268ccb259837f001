package ai.aimass.console.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user, as the access token that platform-api issued states it.
 * <p>
 * The token is kept here, in the server-side session, and sent by the console on each
 * call; it never reaches the browser.
 *
 * @param username the login name
 * @param role {@code TENANT_ADMIN}, {@code DATA_SCIENTIST} or {@code VIEWER}
 * @param tenantId the user's tenant
 * @param token the access token
 * @param expiresAt when the token expires
 */
public record ConsoleUser(String username, String role, UUID tenantId, String token,
        Instant expiresAt) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Returns the user of the current request, if one is signed in.
     * @return the user, or empty
     */
    public static Optional<ConsoleUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** Whether the user may upload, submit, move aliases and manage keys. */
    public boolean canWrite() {
        return "TENANT_ADMIN".equals(this.role) || "DATA_SCIENTIST".equals(this.role);
    }

    /** The role as a person reads it. */
    public String roleLabel() {
        return switch (this.role) {
            case "TENANT_ADMIN" -> "Tenant admin";
            case "DATA_SCIENTIST" -> "Data scientist";
            case "VIEWER" -> "Viewer";
            default -> this.role;
        };
    }

    @Override
    public String toString() {
        return "ConsoleUser[username=" + this.username + ", role=" + this.role + "]";
    }

}
