package ai.aimass.inference.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A verified caller, with one {@code SCOPE_} authority per scope of its principal. */
final class InferenceAuthentication extends AbstractAuthenticationToken {

    private final InferencePrincipal principal;

    InferenceAuthentication(InferencePrincipal principal) {
        super(principal.scopes().stream().map((scope) -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public InferencePrincipal getPrincipal() {
        return this.principal;
    }

    @Override
    public String getName() {
        return this.principal.describe();
    }

}
