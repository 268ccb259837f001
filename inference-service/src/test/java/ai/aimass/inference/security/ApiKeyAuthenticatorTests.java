package ai.aimass.inference.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import ai.aimass.data.apikey.ApiKeyEntity;
import ai.aimass.data.apikey.ApiKeyRepository;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class ApiKeyAuthenticatorTests {

    private static final String ID = "0123456789abcdef";

    private static final String SECRET = "Zm9vYmFyLWJhei1xdXV4LTAxMjM0NTY3ODlfLWFiY2R";

    private static final String PRESENTED = "am_" + ID + "_" + SECRET;

    private final UUID tenantId = UUID.randomUUID();

    private final AtomicLong nanos = new AtomicLong();

    private final ApiKeyRepository repository = mock(ApiKeyRepository.class);

    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(this.repository,
            new VerifiedKeyCache(Duration.ofSeconds(30), 100, this.nanos::get));

    @Test
    void verifiedKeyCarriesItsTenantAndScopes() {
        given(this.repository.findById(ID)).willReturn(Optional.of(key(Set.of("predict"))));
        InferencePrincipal principal = this.authenticator.authenticate(PRESENTED).getPrincipal();
        assertThat(principal.kind()).isEqualTo(InferencePrincipal.Kind.API_KEY);
        assertThat(principal.id()).isEqualTo(ID);
        assertThat(principal.tenantId()).isEqualTo(this.tenantId);
        assertThat(principal.scopes()).containsExactly("predict");
    }

    @Test
    void verifiedKeyIsReadOnceWithinTheTimeToLive() {
        given(this.repository.findById(ID)).willReturn(Optional.of(key(Set.of("predict"))));
        this.authenticator.authenticate(PRESENTED);
        this.nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        this.authenticator.authenticate(PRESENTED);
        verify(this.repository, times(1)).findById(ID);
    }

    @Test
    void revocationTakesEffectOnceTheCachedEntryExpires() {
        ApiKeyEntity key = key(Set.of("predict"));
        given(this.repository.findById(ID)).willReturn(Optional.of(key));
        this.authenticator.authenticate(PRESENTED);
        key.revoke(Instant.parse("2026-01-02T03:04:05Z"));
        this.nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> this.authenticator.authenticate(PRESENTED))
            .withMessage("API key " + ID + " was revoked at 2026-01-02T03:04:05Z");
    }

    @Test
    void wrongSecretFailsAlsoWhenTheKeyIsCached() {
        given(this.repository.findById(ID)).willReturn(Optional.of(key(Set.of("predict"))));
        this.authenticator.authenticate(PRESENTED);
        String wrong = "am_" + ID + "_" + SECRET.replace('Z', 'Y');
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> this.authenticator.authenticate(wrong))
            .withMessage("API key is not valid: no active key matches the presented id and secret");
    }

    @Test
    void unknownKeyFailsLikeAWrongSecret() {
        given(this.repository.findById(ID)).willReturn(Optional.empty());
        assertThatExceptionOfType(BadCredentialsException.class)
            .isThrownBy(() -> this.authenticator.authenticate(PRESENTED))
            .withMessage("API key is not valid: no active key matches the presented id and secret");
    }

    private ApiKeyEntity key(Set<String> scopes) {
        return new ApiKeyEntity(ID, this.tenantId, "device", ApiKeyAuthenticator.sha256(SECRET), scopes,
                UUID.randomUUID(), Instant.now());
    }

}
