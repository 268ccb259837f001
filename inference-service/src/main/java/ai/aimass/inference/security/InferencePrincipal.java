package ai.aimass.inference.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: a device with an API key or a person with a user token, and the tenant
 * whose models it may use.
 *
 * @param kind how the caller authenticated
 * @param id the API key id or the user id
 * @param tenantId the caller's tenant, or {@code null} for a platform admin
 * @param scopes what the caller may do ({@code predict}, {@code participate})
 */
public record InferencePrincipal(Kind kind, String id, UUID tenantId, Set<String> scopes) {

    /** The scope that every model endpoint requires. */
    public static final String PREDICT_SCOPE = "predict";

    public InferencePrincipal {
        scopes = Set.copyOf(scopes);
    }

    /**
     * Describes the caller for messages and logs, without any secret.
     * @return for example {@code API key 0123456789abcdef}
     */
    public String describe() {
        return (this.kind == Kind.API_KEY) ? "API key " + this.id : "user " + this.id;
    }

    /** How a caller authenticated. */
    public enum Kind {

        /** An {@code am_<id>_<secret>} key of a device or participant. */
        API_KEY,

        /** A JWT issued by platform-api to a person. */
        USER

    }

}
