package ai.aimass.inference.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * API keys whose secret was verified recently, so that a device's stream of predictions
 * does not read the key row on every call.
 * <p>
 * An entry is trusted for a short time only; after that the row is read again, which is
 * how a revocation reaches a key that is in use. The cache is bounded and drops the least
 * recently used entry first.
 */
final class VerifiedKeyCache {

    private final long ttlNanos;

    private final int maxSize;

    private final LongSupplier nanoClock;

    private final Map<String, Entry> entries;

    VerifiedKeyCache(Duration ttl, int maxSize, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.maxSize = maxSize;
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedKeyCache.this.maxSize;
            }

        };
    }

    /**
     * Returns the key with this id if it was verified within the time to live.
     * @param id the key id
     * @return the key, or {@code null}
     */
    synchronized VerifiedKey get(String id) {
        Entry entry = this.entries.get(id);
        if (entry == null) {
            return null;
        }
        if (this.nanoClock.getAsLong() - entry.verifiedAtNanos() >= this.ttlNanos) {
            this.entries.remove(id);
            return null;
        }
        return entry.key();
    }

    synchronized void put(VerifiedKey key) {
        if (this.ttlNanos > 0) {
            this.entries.put(key.id(), new Entry(key, this.nanoClock.getAsLong()));
        }
    }

    synchronized void remove(String id) {
        this.entries.remove(id);
    }

    synchronized int size() {
        return this.entries.size();
    }

    private record Entry(VerifiedKey key, long verifiedAtNanos) {
    }

    /**
     * What is kept of a verified key row: never the secret, only its digest.
     *
     * @param id the key id
     * @param tenantId the key's tenant
     * @param secretSha256 SHA-256 of the secret
     * @param scopes the key's scopes
     */
    record VerifiedKey(String id, UUID tenantId, byte[] secretSha256, Set<String> scopes) {
    }

}
