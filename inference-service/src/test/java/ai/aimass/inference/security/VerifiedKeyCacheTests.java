package ai.aimass.inference.security;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import ai.aimass.inference.security.VerifiedKeyCache.VerifiedKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedKeyCacheTests {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void entryExpiresAfterTheTimeToLive() {
        VerifiedKeyCache cache = new VerifiedKeyCache(Duration.ofSeconds(30), 10, this.nanos::get);
        cache.put(key("a"));
        this.nanos.set(Duration.ofSeconds(30).toNanos() - 1);
        assertThat(cache.get("a")).isNotNull();
        this.nanos.set(Duration.ofSeconds(30).toNanos());
        assertThat(cache.get("a")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void leastRecentlyUsedEntryIsDroppedBeyondTheBound() {
        VerifiedKeyCache cache = new VerifiedKeyCache(Duration.ofSeconds(30), 2, this.nanos::get);
        cache.put(key("a"));
        cache.put(key("b"));
        cache.get("a");
        cache.put(key("c"));
        assertThat(cache.get("a")).isNotNull();
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("c")).isNotNull();
    }

    @Test
    void zeroTimeToLiveCachesNothing() {
        VerifiedKeyCache cache = new VerifiedKeyCache(Duration.ZERO, 10, this.nanos::get);
        cache.put(key("a"));
        assertThat(cache.get("a")).isNull();
    }

    private static VerifiedKey key(String id) {
        return new VerifiedKey(id, UUID.randomUUID(), new byte[32], Set.of("predict"));
    }

}
