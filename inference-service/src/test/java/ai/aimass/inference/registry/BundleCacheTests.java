package ai.aimass.inference.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.aimass.inference.InferenceException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BundleCacheTests {

    private final List<UUID> loads = new ArrayList<>();

    @Test
    void loadsEachVersionOnce() {
        BundleCache cache = new BundleCache(2, this::load);
        ResolvedVersion version = version();
        LoadedModel first = cache.load(version);
        LoadedModel second = cache.load(version);
        assertThat(second).isSameAs(first);
        assertThat(this.loads).containsExactly(version.versionId());
    }

    @Test
    void evictsTheLeastRecentlyUsedVersionBeyondItsCapacity() {
        BundleCache cache = new BundleCache(2, this::load);
        ResolvedVersion a = version();
        ResolvedVersion b = version();
        ResolvedVersion c = version();
        cache.load(a);
        cache.load(b);
        cache.load(a);
        cache.load(c);
        assertThat(cache.size()).isEqualTo(2);
        cache.load(a);
        cache.load(b);
        assertThat(this.loads).containsExactly(a.versionId(), b.versionId(), c.versionId(), b.versionId());
    }

    @Test
    void failedLoadIsNotCached() {
        ResolvedVersion version = version();
        int[] attempts = { 0 };
        BundleCache cache = new BundleCache(2, (asked) -> {
            if (attempts[0]++ == 0) {
                throw new InferenceException(HttpStatus.SERVICE_UNAVAILABLE, "model_not_ready", "not yet");
            }
            return load(asked);
        });
        assertThatExceptionOfType(InferenceException.class).isThrownBy(() -> cache.load(version))
            .withMessage("not yet");
        assertThat(cache.size()).isZero();
        assertThat(cache.load(version).version()).isEqualTo(version);
    }

    private LoadedModel load(ResolvedVersion version) {
        this.loads.add(version.versionId());
        return new LoadedModel(version, null);
    }

    private static ResolvedVersion version() {
        return new ResolvedVersion(UUID.randomUUID(), UUID.randomUUID(), "m", UUID.randomUUID(), 1, "sha");
    }

}
